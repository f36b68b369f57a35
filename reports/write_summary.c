/* summary.md for a CI job summary: counts, then what needs attention (fail, xpass), then the
 * defaults audit (what each stack's minimal setup lets through), then skips. */
#include "atomic_file.h"
#include "report.h"

#include <string.h>

static void table_of(FILE *out, const mg_report *report, mg_grade grade, const char *title)
{
    if (!report->grade_counts[grade]) return;
    fprintf(out, "\n## %s (%zu)\n\n| case | expected | verdict | why |\n|---|---|---|---|\n", title,
            report->grade_counts[grade]);
    for (size_t i = 0; i < report->count; i++) {
        const mg_report_row *r = &report->rows[i];
        if (r->grade != grade) continue;
        char expected[256] = "";
        for (size_t k = 0, n = 0; k < r->scenario->expected_count && n < sizeof expected; k++) {
            char v[64];
            mg_verdict_format(r->scenario->expected[k], v, sizeof v);
            n += (size_t)snprintf(expected + n, sizeof expected - n, "%s`%s`", k ? " or " : "", v);
        }
        fprintf(out, "| `%s` | %s | `%s` | ", r->id, expected, r->verdict[0] ? r->verdict : "-");
        for (const char *p = r->reason_text; *p; p++) fputc(*p == '|' ? '/' : *p, out);
        fputs(" |\n", out);
    }
}

static void audit_line(void *ctx, const mg_divergence *d, const char *scenarios)
{
    fprintf(ctx, "| %s | %s | %s | %s |\n", d->stack, d->reason, scenarios, d->reference);
}

static void changes_table(FILE *out, const mg_report *report)
{
    if (!report->baseline) return;
    fprintf(out, "\n## Changed since `%s` (%zu)\n\n", report->baseline, report->change_count);
    if (!report->change_count) return;
    fputs("| case | before | now |\n|---|---|---|\n", out);
    for (size_t i = 0; i < report->change_count; i++)
        fprintf(out, "| `%s` | `%s` | `%s` |\n", report->changes[i].id, report->changes[i].before,
                report->changes[i].after);
}

mg_result mg_write_summary_md(const mg_report *report, const char *path)
{
    mg_atomic_file f;
    MG_GUARD(mg_atomic_open(&f, path));
    const size_t *g = report->grade_counts;
    bool clean = !g[MG_GRADE_FAIL] && !g[MG_GRADE_XPASS];
    fprintf(f.file, "# mtlsgrid: %s\n\n%zu cases in %.1f s (%s).\n\n", clean ? "all as expected"
                                                                            : "unexpected outcomes",
            report->count, report->wall_seconds, report->stack_versions);
    fputs("| grade | cases |\n|---|---|\n", f.file);
    for (int k = 0; k < MG_GRADE_COUNT; k++)
        fprintf(f.file, "| %s | %zu |\n", mg_grade_name((mg_grade)k), g[k]);
    changes_table(f.file, report);
    table_of(f.file, report, MG_GRADE_FAIL, "Unexpected (fail)");
    table_of(f.file, report, MG_GRADE_XPASS, "Stale divergences (xpass): remove the record");
    fputs("\n## Defaults audit: what each stack's minimal setup lets through\n\n"
          "| stack | the check it skips | shown by | reference |\n|---|---|---|---|\n", f.file);
    mg_report_audit(report, audit_line, f.file);
    if (report->unused_count) {
        fprintf(f.file, "\n## Divergence records that matched no case (%zu): fix or remove\n\n"
                        "| record | where | stack |\n|---|---|---|\n", report->unused_count);
        for (size_t i = 0; i < report->unused_count; i++)
            fprintf(f.file, "| `%s` | %s:%d | %s |\n", report->unused[i]->id, report->unused[i]->file,
                    report->unused[i]->line, report->unused[i]->stack);
    }
    table_of(f.file, report, MG_GRADE_XFAIL, "Known divergences (xfail)");
    table_of(f.file, report, MG_GRADE_SKIP, "Skipped (the stack cannot express the case)");
    return mg_atomic_commit(&f);
}

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
