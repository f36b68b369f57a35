/* The slowest cases of a run, so that denial-of-service shapes (policy trees, cycles, long
 * chains) stand out: a case past its budget is a timeout, one near it is a finding too. One
 * writer for both reports: summary.md's section and the data index.html draws. */
#ifndef MG_SLOWEST_H
#define MG_SLOWEST_H

#include "md_budget.h"
#include "report.h"

#include <jansson.h>

#define MG_SLOWEST_SHOWN 10

/* summary.md: the MG_SLOWEST_SHOWN slowest cases that ran, slowest first. */
void mg_slowest_md_section(mg_md *md, const mg_report *report);

/* index.html: the same cases as [{case, ms, verdict, grade}], slowest first. */
json_t *mg_slowest_json(const mg_report *report);

#endif
