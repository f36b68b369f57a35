/* The two results.jsonl of mtlsgrid compare, read through the shared reader (results_read.h):
 * each file its own store, since two runs may rightly expect other verdicts of a scenario
 * (the catalogue changed between them). */
#include "compare.h"

#include "path_join.h"
#include "read_file.h"
#include "results_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    mg_results_store *store[2];
    mg_report_row *rows[2];
} compare_owner;

static void free_owner(void *raw)
{
    compare_owner *o = raw;
    if (!o) return;
    for (int i = 0; i < 2; i++) mg_results_store_free(o->store[i]), free(o->rows[i]);
    free(o);
}

static const char *version_in(json_t *stacks, const char *name)
{
    size_t i;
    json_t *s;
    json_array_foreach(stacks, i, s) {
        const char *n = json_string_value(json_object_get(s, "name"));
        if (n && strcmp(n, name) == 0) return json_string_value(json_object_get(s, "version"));
    }
    return NULL;
}

/* Rows that recorded no stack versions (limbo's) take them from the run.json beside the file
 * when there is one; without it they stay unknown (nothing to complain about: compare reads
 * any results.jsonl). */
static MG_RESULT versions_from_run_json(mg_results_store *store, const char *path,
                                        mg_report_row *rows, size_t n)
{
    bool missing = false;
    for (size_t i = 0; i < n && !missing; i++)
        missing = !rows[i].client_version || !rows[i].server_version;
    if (!missing) return MG_OK;
    char dir[4096], run_path[4200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = '\0';
    else snprintf(dir, sizeof dir, ".");
    MG_GUARD(mg_path_join(run_path, sizeof run_path, dir[0] ? dir : "/", "run.json"));
    unsigned char *text = NULL;
    size_t len = 0;
    if (!mg_ok(mg_read_file_capped(run_path, MG_READ_CAP_CREDENTIAL, &text, &len))) return MG_OK;
    json_t *doc = json_loadb((const char *)text, len, 0, NULL);
    free(text);
    json_t *stacks = json_object_get(doc, "stacks");
    mg_result r = json_is_array(stacks) ? mg_results_store_keep(store, doc) : MG_OK;
    for (size_t i = 0; mg_ok(r) && json_is_array(stacks) && i < n; i++) {
        if (!rows[i].client_version) rows[i].client_version = version_in(stacks, rows[i].client);
        if (!rows[i].server_version) rows[i].server_version = version_in(stacks, rows[i].server);
    }
    json_decref(doc);
    return r;
}

mg_result mg_compare_files(const char *path_a, const char *path_b, mg_comparison *out)
{
    *out = (mg_comparison){.path_a = path_a, .path_b = path_b, .free_owner = free_owner};
    compare_owner *o = calloc(1, sizeof *o);
    MG_ENSURE(o, MG_E_INTERNAL, "out of memory");
    out->owner = o;
    const char *paths[2] = {path_a, path_b};
    size_t counts[2] = {0, 0};
    for (int i = 0; i < 2; i++) {
        MG_GUARD(mg_results_store_new(&o->store[i]));
        MG_GUARD(mg_results_read_rows(o->store[i], paths[i], NULL, &o->rows[i], NULL,
                                      &counts[i]));
        MG_GUARD(versions_from_run_json(o->store[i], paths[i], o->rows[i], counts[i]));
    }
    return mg_compare_rows(o->rows[0], counts[0], o->rows[1], counts[1], out);
}
