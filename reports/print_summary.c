/* The one-screen summary printed at the end of a run: the counts, then each case that needs
 * attention; grades in colour on a terminal. */
#include "report.h"

#include <stdio.h>

static void grade_word(FILE *out, bool colour, mg_grade grade, size_t n)
{
    bool paint = colour && (n || grade == MG_GRADE_PASS);
    if (paint) fprintf(out, "\033[%sm", mg_grade_colour(grade));
    fprintf(out, "%zu %s", n, mg_grade_name(grade));
    if (paint) fputs("\033[0m", out);
}

void mg_report_print_summary(const mg_report *report, const char *dir)
{
    bool colour = mg_terminal_colour(stdout);
    const size_t *g = report->grade_counts;
    printf("\n%zu cases in %.1f s: ", report->count, report->wall_seconds);
    for (int k = 0; k < MG_GRADE_COUNT; k++) {
        if (k) fputs(", ", stdout);
        grade_word(stdout, colour, (mg_grade)k, g[k]);
    }
    fputc('\n', stdout);
    for (size_t i = 0; i < report->count; i++) {
        const mg_report_row *r = &report->rows[i];
        if (r->grade != MG_GRADE_FAIL && r->grade != MG_GRADE_XPASS) continue;
        if (colour)
            printf("  \033[%sm%s\033[0m", mg_grade_colour(r->grade), mg_grade_name(r->grade));
        else
            printf("  %s", mg_grade_name(r->grade));
        printf(" %s: got %s\n      %s\n", r->id, r->verdict, r->reason_text);
    }
    if (report->baseline) {
        printf("%zu verdicts changed since %s\n", report->change_count, report->baseline);
        for (size_t i = 0; i < report->change_count; i++)
            printf("  %s: %s -> %s\n", report->changes[i].id, report->changes[i].before,
                   report->changes[i].after);
    }
    if (dir) printf("reports: %s/index.html (also results.jsonl, junit.xml, summary.md)\n", dir);
}
