/* The slowest cases: a partial selection over the rows (a run has thousands of rows and ten
 * are shown, so no sort of the whole report). Skipped cases never ran and are left out. */
#include "slowest.h"

#include <string.h>

/* Indices of up to MG_SLOWEST_SHOWN rows that ran, slowest first; returns how many. */
static size_t slowest_rows(const mg_report *report, size_t out[MG_SLOWEST_SHOWN])
{
    size_t n = 0;
    for (size_t i = 0; i < report->count; i++) {
        const mg_report_row *r = &report->rows[i];
        if (r->grade == MG_GRADE_SKIP) continue;
        size_t at = n < MG_SLOWEST_SHOWN ? n++ : MG_SLOWEST_SHOWN;
        /* insertion into the kept list; a row slower than none of them falls off the end */
        while (at > 0 && report->rows[out[at - 1]].ms < r->ms) {
            if (at < MG_SLOWEST_SHOWN) out[at] = out[at - 1];
            at--;
        }
        if (at < MG_SLOWEST_SHOWN) out[at] = i;
    }
    return n;
}

void mg_slowest_md_section(mg_md *md, const mg_report *report)
{
    size_t idx[MG_SLOWEST_SHOWN];
    size_t n = slowest_rows(report, idx);
    if (!n) return;
    mg_md_text(md, "\n## Slowest cases\n\nA case past its budget is graded `timeout`; the "
                   "slowest ones point at the shapes that cost a stack most to judge.\n\n"
                   "| case | ms | verdict | grade |\n|---|---|---|---|\n");
    for (size_t k = 0; k < n; k++) {
        const mg_report_row *r = &report->rows[idx[k]];
        mg_md_row(md, "| `%s` | %.1f | `%s` | %s |\n", r->id, r->ms,
                  r->verdict[0] ? r->verdict : "-", mg_grade_name(r->grade));
    }
    mg_md_end_section(md);
}

json_t *mg_slowest_json(const mg_report *report)
{
    size_t idx[MG_SLOWEST_SHOWN];
    size_t n = slowest_rows(report, idx);
    json_t *list = json_array();
    for (size_t k = 0; list && k < n; k++) {
        const mg_report_row *r = &report->rows[idx[k]];
        json_array_append_new(list, json_pack("{s:s, s:f, s:s, s:s}", "case", r->id, "ms", r->ms,
                                              "verdict", r->verdict, "grade",
                                              mg_grade_name(r->grade)));
    }
    return list;
}
