/* The run's usual reports (results.jsonl, junit.xml, summary.md, index.html): one row per
 * handshake, each testcase standing in as a scenario of family "limbo". SUCCESS expects `ok`;
 * FAILURE expects the validating side to reject, for any reason (the kind with no reason), so
 * rows are graded here on the limbo answer rather than by the exact-reason comparator. */
#ifndef MG_LIMBO_REPORT_H
#define MG_LIMBO_REPORT_H

#include "limbo_results.h"
#include "report.h"

typedef struct {
    mg_scenario *scenarios; /* [testcase] */
    mg_verdict *expected;   /* [testcase]: each scenario's one allowed verdict */
    mg_report report;
} mg_limbo_report;

/* One case's grade against the testcase's expected_result (for the progress line; the report
 * grades every case the same way). */
mg_grade mg_limbo_case_grade(const mg_limbo_plan *plan, size_t index, const mg_case_outcome *o);

MG_RESULT mg_limbo_report_build(const mg_limbo_plan *plan, const mg_case_outcome *outcomes,
                                mg_limbo_report *out);
void mg_limbo_report_free(mg_limbo_report *r);

#endif
