/* Report rows from a limbo run. */
#include "limbo_report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char family[] = "limbo";
static char standard_success[] = "x509-limbo: expected_result SUCCESS";
static char standard_failure[] = "x509-limbo: expected_result FAILURE (any rejection by the "
                                 "validating side)";
static char no_summary[] = "";

static void fill_scenario(const mg_limbo_testcase *t, mg_scenario *s, mg_verdict *expected)
{
    bool client_validates = mg_limbo_validator_role(t->kind) == MG_ROLE_CLIENT;
    *expected = t->expect_success
                    ? (mg_verdict){MG_VERDICT_OK, MG_REASON_NONE}
                    : (mg_verdict){client_validates ? MG_VERDICT_CLIENT_REJECTS
                                                    : MG_VERDICT_SERVER_REJECTS,
                                   MG_REASON_NONE};
    s->id = t->id;
    s->family = family;
    s->summary = t->description ? t->description : no_summary;
    s->standard = t->expect_success ? standard_success : standard_failure;
    s->expected = expected;
    s->expected_count = 1;
}

static mg_grade grade_of(const mg_limbo_testcase *t, mg_limbo_result r)
{
    if (r == MG_LIMBO_SKIPPED) return MG_GRADE_SKIP;
    bool agrees = (r == MG_LIMBO_SUCCESS && t->expect_success) ||
                  (r == MG_LIMBO_FAILURE && !t->expect_success);
    return agrees ? MG_GRADE_PASS : MG_GRADE_FAIL;
}

mg_grade mg_limbo_case_grade(const mg_limbo_plan *p, size_t i, const mg_case_outcome *o)
{
    return grade_of(&p->suite->items[p->keys[i].testcase], mg_limbo_handshake_result(p, i, o));
}

static void fill_row(const mg_limbo_plan *p, size_t i, const mg_case_outcome *o,
                     mg_limbo_report *out)
{
    const mg_limbo_testcase *t = &p->suite->items[p->keys[i].testcase];
    mg_limbo_result r = mg_limbo_handshake_result(p, i, o);
    mg_report_row *row = &out->report.rows[i];
    *row = (mg_report_row){.id = p->ids[i],
                           .scenario = &out->scenarios[p->keys[i].testcase],
                           .client = p->cases[i].client_stack->name,
                           .server = p->cases[i].server_stack->name,
                           .tls = mg_tls_name(p->keys[i].tls),
                           .policy = "strict",
                           .grade = grade_of(t, r),
                           .ms = o->ms,
                           .client_side = o->client,
                           .server_side = o->server};
    if (!o->skipped) mg_verdict_format(o->verdict, row->verdict, sizeof row->verdict);
    snprintf(row->reason_text, sizeof row->reason_text, "limbo %s (expected %s)%s%s",
             mg_limbo_result_name(r), t->expect_success ? "SUCCESS" : "FAILURE",
             r == MG_LIMBO_SKIPPED && !o->skipped ? ", the peer could not be presented: " : ": ",
             o->reason_text);
    mg_limbo_make_utf8(row->reason_text);
    out->report.grade_counts[row->grade]++;
}

mg_result mg_limbo_report_build(const mg_limbo_plan *p, const mg_case_outcome *outcomes,
                                mg_limbo_report *out)
{
    memset(out, 0, sizeof *out);
    size_t n = p->suite->count ? p->suite->count : 1;
    out->scenarios = calloc(n, sizeof *out->scenarios);
    out->expected = calloc(n, sizeof *out->expected);
    out->report.rows = calloc(p->count ? p->count : 1, sizeof *out->report.rows);
    MG_ENSURE(out->scenarios && out->expected && out->report.rows, MG_E_INTERNAL,
              "out of memory");
    for (size_t t = 0; t < p->suite->count; t++)
        fill_scenario(&p->suite->items[t], &out->scenarios[t], &out->expected[t]);
    out->report.count = p->count;
    for (size_t i = 0; i < p->count; i++) fill_row(p, i, &outcomes[i], out);
    return MG_OK;
}

void mg_limbo_report_free(mg_limbo_report *r)
{
    free(r->scenarios);
    free(r->expected);
    free(r->report.rows);
    memset(r, 0, sizeof *r);
}
