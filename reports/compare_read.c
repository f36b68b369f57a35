/* The two results.jsonl of mtlsgrid compare, read through the shared reader (results_read.h):
 * each file its own store, since two runs may rightly expect other verdicts of a scenario
 * (the catalogue changed between them). */
#include "compare.h"

#include "results_read.h"

#include <stdlib.h>

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
    }
    return mg_compare_rows(o->rows[0], counts[0], o->rows[1], counts[1], out);
}
