/* The figures printed at the end of a run, one block per harness. */
#include "limbo_results.h"

#include <stdio.h>

static void print_harness(const mg_limbo_suite *suite, const mg_limbo_harness *h)
{
    size_t judged = h->agree + h->disagree + h->skipped;
    printf("%s (%s testcases): %zu agree, %zu disagree, %zu skipped of %zu", h->name,
           h->role == MG_ROLE_CLIENT ? "SERVER" : "CLIENT", h->agree, h->disagree, h->skipped,
           judged);
    printf("; %zu hang, %zu inconsistent across pairings\n", h->hang, h->inconsistent);
    for (size_t i = 0; i < h->count; i++) {
        const mg_limbo_entry *e = &h->entries[i];
        if (!e->own_kind || e->agrees || e->result == MG_LIMBO_SKIPPED) continue;
        const mg_limbo_testcase *t = &suite->items[e->testcase];
        printf("  %s: expected %s, actual %s\n      %s\n", t->id,
               t->expect_success ? "SUCCESS" : "FAILURE", mg_limbo_result_name(e->result),
               e->context);
    }
}

void mg_limbo_print_summary(const mg_limbo_suite *suite, const mg_limbo_harness *harnesses,
                            size_t count)
{
    for (size_t i = 0; i < count; i++) print_harness(suite, &harnesses[i]);
}
