/* The one-screen summary printed at the end of a run: the counts, then each case that needs
 * attention. */
#include "report.h"

#include <stdio.h>

void mg_report_print_summary(const mg_report *report, const char *dir)
{
    const size_t *g = report->grade_counts;
    printf("\n%zu cases in %.1f s: %zu pass, %zu fail, %zu xfail, %zu xpass, %zu skip\n",
           report->count, report->wall_seconds, g[MG_GRADE_PASS], g[MG_GRADE_FAIL],
           g[MG_GRADE_XFAIL], g[MG_GRADE_XPASS], g[MG_GRADE_SKIP]);
    for (size_t i = 0; i < report->count; i++) {
        const mg_report_row *r = &report->rows[i];
        if (r->grade == MG_GRADE_FAIL || r->grade == MG_GRADE_XPASS)
            printf("  %s %s: got %s\n      %s\n", mg_grade_name(r->grade), r->id, r->verdict,
                   r->reason_text);
    }
    if (report->baseline) {
        printf("%zu verdicts changed since %s\n", report->change_count, report->baseline);
        for (size_t i = 0; i < report->change_count; i++)
            printf("  %s: %s -> %s\n", report->changes[i].id, report->changes[i].before,
                   report->changes[i].after);
    }
    if (dir) printf("reports: %s/index.html (also results.jsonl, junit.xml, summary.md)\n", dir);
}
