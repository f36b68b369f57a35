/* limbo's result format, one file per harness:
 * {"version": 1, "harness": NAME, "results": [{"id", "actual_result", "context"}]}. */
#include "limbo_results.h"

#include "atomic_file.h"
#include "json_text.h"
#include "path_join.h"

#include <jansson.h>

#include <stdio.h>
#include <unistd.h>

static json_t *results_of(const mg_limbo_suite *suite, const mg_limbo_harness *h)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < h->count; i++) {
        const mg_limbo_entry *e = &h->entries[i];
        json_t *one = json_pack("{s:s, s:s, s:o}", "id", suite->items[e->testcase].id,
                                "actual_result", mg_limbo_result_name(e->result), "context",
                                mg_json_text(e->context[0] ? e->context : NULL));
        if (!one || json_array_append_new(list, one) != 0) {
            json_decref(list);
            return NULL;
        }
    }
    return list;
}

mg_result mg_limbo_write_harness(const mg_limbo_suite *suite, const mg_limbo_harness *h,
                                 const char *dir)
{
    char path[4096];
    MG_GUARD(mg_path_format(path, sizeof path, "%s/%s.json", dir, h->name));
    json_t *doc = json_pack("{s:i, s:s, s:o}", "version", 1, "harness", h->name, "results",
                            results_of(suite, h));
    MG_ENSURE(doc, MG_E_INTERNAL, "%s: cannot encode the results (out of memory)", path);
    mg_atomic_file f;
    mg_result r = mg_atomic_open(&f, path);
    if (mg_ok(r) && json_dumpf(doc, f.file, JSON_INDENT(1)) != 0) {
        fclose(f.file);
        unlink(f.temp_path);
        r = mg_fail(MG_E_IO, "%s: cannot write", path);
    } else if (mg_ok(r)) {
        fputc('\n', f.file);
        r = mg_atomic_commit(&f);
    }
    json_decref(doc);
    return r;
}
