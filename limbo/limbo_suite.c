/* Reading limbo.json: each testcase field checked for its type as the schema gives it. */
#include "limbo_fields.h"
#include "read_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static MG_RESULT read_testcase(const mg_limbo_where *w0, json_t *o, mg_limbo_testcase *t)
{
    mg_limbo_where w = *w0;
    if (!json_is_object(o)) return mg_limbo_field_error(&w, "(testcase)", "must be an object");
    t->max_chain_depth = -1;
    MG_GUARD(mg_limbo_get_string(&w, o, "id", true, &t->id));
    w.id = t->id;
    MG_GUARD(mg_limbo_get_string(&w, o, "description", false, &t->description));
    MG_GUARD(mg_limbo_get_enums(&w, o, t));
    MG_GUARD(mg_limbo_get_strings(&w, o, "trusted_certs", true, &t->trusted));
    MG_GUARD(mg_limbo_get_strings(&w, o, "untrusted_intermediates", true, &t->untrusted));
    MG_GUARD(mg_limbo_get_strings(&w, o, "crls", false, &t->crls));
    MG_GUARD(mg_limbo_get_string(&w, o, "peer_certificate", true, &t->peer_cert));
    MG_GUARD(mg_limbo_get_string(&w, o, "peer_certificate_key", false, &t->peer_key));
    MG_GUARD(mg_limbo_get_string(&w, o, "validation_time", false, &t->validation_time));
    MG_GUARD(mg_limbo_get_strings(&w, o, "extended_key_usage", true, &t->extended_key_usage));
    MG_GUARD(mg_limbo_get_strings(&w, o, "key_usage", true, &t->key_usage));
    MG_GUARD(mg_limbo_get_strings(&w, o, "signature_algorithms", true, &t->signature_algorithms));
    MG_GUARD(mg_limbo_get_strings(&w, o, "features", false, &t->features));
    MG_GUARD(mg_limbo_get_peer_names(&w, o, t));
    MG_GUARD(mg_limbo_get_depth(&w, o, t));
    if (t->validation_time) {
        int64_t ignored;
        if (!mg_ok(mg_limbo_parse_time(t->validation_time, &ignored)))
            return mg_limbo_field_error(&w, "validation_time", "is not an RFC 3339 date-time");
    }
    return MG_OK;
}

/* Duplicate ids through a sort of the testcases by id (n log n: x509-limbo has thousands of
 * testcases, and a pairwise check took 42 s for 50,000); ties keep file order, so the message
 * names the first testcase that repeats an earlier id, as a reader going down the file would. */
static int by_id_then_place(const void *a, const void *b)
{
    const mg_limbo_testcase *x = *(const mg_limbo_testcase *const *)a,
                            *y = *(const mg_limbo_testcase *const *)b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x > y) - (x < y);
}

static MG_RESULT refuse_duplicate_ids(const char *path, const mg_limbo_suite *suite)
{
    if (suite->count < 2) return MG_OK;
    const mg_limbo_testcase **sorted = malloc(suite->count * sizeof *sorted);
    MG_ENSURE(sorted, MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; i < suite->count; i++) sorted[i] = &suite->items[i];
    qsort(sorted, suite->count, sizeof *sorted, by_id_then_place);
    const mg_limbo_testcase *repeat = NULL;
    for (size_t i = 1; i < suite->count; i++)
        if (strcmp(sorted[i - 1]->id, sorted[i]->id) == 0 && (!repeat || sorted[i] < repeat))
            repeat = sorted[i];
    free(sorted);
    MG_ENSURE(!repeat, MG_E_INPUT, "%s: testcase %zu: duplicate id \"%s\"", path,
              (size_t)(repeat - suite->items), repeat->id);
    return MG_OK;
}

static MG_RESULT read_suite(const char *path, json_t *root, mg_limbo_suite *out)
{
    json_t *version = json_object_get(root, "version");
    MG_ENSURE(json_is_object(root) && json_is_integer(version) && json_integer_value(version) == 1,
              MG_E_INPUT, "%s: not a limbo version-1 file (\"version\": 1 missing)", path);
    json_t *cases = json_object_get(root, "testcases");
    MG_ENSURE(json_is_array(cases), MG_E_INPUT, "%s: \"testcases\" must be a list", path);
    size_t n = json_array_size(cases);
    out->items = calloc(n ? n : 1, sizeof *out->items);
    MG_ENSURE(out->items, MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; i < n; i++) {
        mg_limbo_where w = {path, i, ""};
        out->count = i + 1; /* so that free sees the partly read one */
        MG_GUARD(read_testcase(&w, json_array_get(cases, i), &out->items[i]));
    }
    return refuse_duplicate_ids(path, out);
}

mg_result mg_limbo_suite_load(const char *path, mg_limbo_suite *out)
{
    memset(out, 0, sizeof *out);
    unsigned char *data = NULL;
    size_t len = 0;
    MG_GUARD(mg_read_file_capped(path, MG_READ_CAP_DATA, &data, &len));
    json_error_t error;
    json_t *root = json_loadb((const char *)data, len, JSON_REJECT_DUPLICATES, &error);
    free(data);
    if (!root)
        return mg_fail(MG_E_INPUT, "%s:%d: %s", path, error.line, error.text);
    mg_result r = read_suite(path, root, out);
    json_decref(root);
    if (!mg_ok(r)) mg_limbo_suite_free(out);
    return r;
}

static void testcase_free(mg_limbo_testcase *t)
{
    char *texts[] = {t->id, t->description, t->peer_cert, t->peer_key, t->validation_time,
                     t->peer_name_kind, t->peer_name};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) free(texts[i]);
    mg_strings *lists[] = {&t->trusted, &t->untrusted, &t->crls, &t->extended_key_usage,
                           &t->key_usage, &t->signature_algorithms, &t->features, &t->peer_names};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++) mg_strings_free(lists[i]);
}

void mg_limbo_suite_free(mg_limbo_suite *suite)
{
    for (size_t i = 0; i < suite->count; i++) testcase_free(&suite->items[i]);
    free(suite->items);
    memset(suite, 0, sizeof *suite);
}
