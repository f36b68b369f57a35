/* Words several writers share, so JUnit, TAP, CSV and summary.md say the same thing. */
#ifndef MG_REPORT_TEXT_H
#define MG_REPORT_TEXT_H

#include "report.h"

#include <stdio.h>

/* The allowed verdicts joined by `separator`, each between `quote` marks ("" for none). */
void mg_expected_text(const mg_scenario *s, const char *separator, const char *quote, char *buf,
                      size_t len);

/* A fail whose verdict is crash or timeout: the harness could not judge the case (JUnit
 * <error>), rather than a judged wrong verdict (<failure>). */
bool mg_row_is_error(const mg_report_row *row);

/* "expected X, got Y" (with the xpass note when a recorded divergence no longer happens). */
void mg_row_failure_message(const mg_report_row *row, char *buf, size_t len);

/* "[divergence-id] reason": what an xfail's <skipped message> and TAP TODO carry. */
void mg_row_divergence_message(const mg_report_row *row, char *buf, size_t len);

#endif
