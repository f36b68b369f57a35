/* summary.md for a CI job summary: the headline and counts, then what needs attention (fail,
 * xpass) grouped by scenario and divergence rather than one row per case, then the long
 * sections folded in <details>: verdict changes, the defaults audit, known divergences and
 * skips. Rows go through a budget (md_budget.h) so the file stays under GitHub's 1 MiB. */
#include "atomic_file.h"
#include "md_budget.h"
#include "report.h"
#include "report_text.h"
#include "slowest.h"

#include <stdlib.h>
#include <string.h>

/* Rows of one grade that read alike: the first row stands for the group. */
typedef struct {
    size_t first;
    size_t count;
} row_group;

typedef bool (*same_group_fn)(const mg_report_row *a, const mg_report_row *b);

static const char *divergence_id(const mg_report_row *r)
{
    return r->divergence ? r->divergence->id : "";
}

static bool same_failure(const mg_report_row *a, const mg_report_row *b)
{
    return a->scenario == b->scenario && strcmp(a->verdict, b->verdict) == 0 &&
           strcmp(divergence_id(a), divergence_id(b)) == 0;
}

static bool same_divergence(const mg_report_row *a, const mg_report_row *b)
{
    return strcmp(divergence_id(a), divergence_id(b)) == 0;
}

static bool same_skip_reason(const mg_report_row *a, const mg_report_row *b)
{
    return strcmp(a->reason_text, b->reason_text) == 0;
}

static MG_RESULT group_rows(const mg_report *report, mg_grade grade, same_group_fn same,
                            row_group **out, size_t *count)
{
    *out = NULL, *count = 0;
    row_group *groups = calloc(report->grade_counts[grade] + 1, sizeof *groups);
    MG_ENSURE(groups, MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; i < report->count; i++) {
        const mg_report_row *r = &report->rows[i];
        if (r->grade != grade) continue;
        size_t g = 0;
        while (g < *count && !same(&report->rows[groups[g].first], r)) g++;
        if (g == *count) groups[(*count)++].first = i;
        groups[g].count++;
    }
    *out = groups;
    return MG_OK;
}

/* Up to three case ids of the group, and the scenarios it spans (for divergence groups). */
static void group_examples(const mg_report *report, const row_group *g, same_group_fn same,
                           char *examples, size_t elen, char *scenarios, size_t slen)
{
    const mg_report_row *first = &report->rows[g->first];
    size_t shown = 0, en = 0, sn = 0;
    examples[0] = scenarios[0] = '\0';
    /* The group's scenarios seen so far, each once: what was listed, in a few pointers rather
     * than a look back over every earlier row. Out of memory, a scenario may repeat. */
    const mg_scenario **seen = NULL;
    size_t seen_count = 0, seen_cap = 0;
    for (size_t i = g->first; i < report->count; i++) {
        const mg_report_row *r = &report->rows[i];
        if (r->grade != first->grade || !same(first, r)) continue;
        if (shown++ < 3 && en < elen)
            en += (size_t)snprintf(examples + en, elen - en, "%s`%s`", shown > 1 ? ", " : "",
                                   r->id);
        bool listed = false;
        for (size_t k = 0; k < seen_count && !listed; k++) listed = seen[k] == r->scenario;
        if (listed) continue;
        if (seen_count == seen_cap) {
            size_t cap = seen_cap ? 2 * seen_cap : 16;
            const mg_scenario **more = realloc(seen, cap * sizeof *more);
            if (more) seen = more, seen_cap = cap;
        }
        if (seen_count < seen_cap) seen[seen_count++] = r->scenario;
        if (sn < slen)
            sn += (size_t)snprintf(scenarios + sn, slen - sn, "%s%s", sn ? ", " : "",
                                   r->scenario->id);
    }
    free(seen);
    if (g->count > 3 && en < elen) snprintf(examples + en, elen - en, " …");
}

static MG_RESULT failures_section(mg_md *md, const mg_report *report, mg_grade grade,
                                  const char *title)
{
    if (!report->grade_counts[grade]) return MG_OK;
    row_group *groups;
    size_t count;
    MG_GUARD(group_rows(report, grade, same_failure, &groups, &count));
    mg_md_text(md, "\n## %s: %zu cases in %zu groups\n\n"
                   "| scenario | expected | got | divergence | cases | for example | why |\n"
                   "|---|---|---|---|---|---|---|\n",
               title, report->grade_counts[grade], count);
    for (size_t g = 0; g < count; g++) {
        const mg_report_row *r = &report->rows[groups[g].first];
        char expected[512], examples[1024], scenarios[1024], why[1024];
        mg_expected_text(r->scenario, " or ", "`", expected, sizeof expected);
        group_examples(report, &groups[g], same_failure, examples, sizeof examples, scenarios,
                       sizeof scenarios);
        mg_md_cell(why, sizeof why, r->reason_text);
        mg_md_row(md, "| %s | %s | `%s` | %s | %zu | %s | %s |\n", r->scenario->id, expected,
                  r->verdict[0] ? r->verdict : "-", r->divergence ? r->divergence->id : "-",
                  groups[g].count, examples, why);
    }
    mg_md_end_section(md);
    free(groups);
    return MG_OK;
}

static MG_RESULT divergences_section(mg_md *md, const mg_report *report)
{
    if (!report->grade_counts[MG_GRADE_XFAIL]) return MG_OK;
    row_group *groups;
    size_t count;
    MG_GUARD(group_rows(report, MG_GRADE_XFAIL, same_divergence, &groups, &count));
    mg_md_text(md, "\n## Known divergences (xfail): %zu cases, %zu records\n\n<details>"
                   "<summary>Each recorded divergence that happened, with its scenarios"
                   "</summary>\n\n| record | stack | cases | scenarios | why | reference |\n"
                   "|---|---|---|---|---|---|\n",
               report->grade_counts[MG_GRADE_XFAIL], count);
    for (size_t g = 0; g < count; g++) {
        const mg_report_row *r = &report->rows[groups[g].first];
        char examples[1024], scenarios[1024], why[1024], cut[1024];
        group_examples(report, &groups[g], same_divergence, examples, sizeof examples, scenarios,
                       sizeof scenarios);
        mg_md_cell(cut, sizeof cut, scenarios);
        const mg_divergence *d = r->divergence;
        mg_md_cell(why, sizeof why, d ? d->reason : r->reason_text);
        mg_md_row(md, "| `%s` | %s | %zu | %s | %s | %s |\n", d ? d->id : "-",
                  d ? d->stack : "-", groups[g].count, cut, why, d ? d->reference : "");
    }
    mg_md_end_section(md);
    mg_md_text(md, "\n</details>\n");
    free(groups);
    return MG_OK;
}

static MG_RESULT skips_section(mg_md *md, const mg_report *report)
{
    if (!report->grade_counts[MG_GRADE_SKIP]) return MG_OK;
    row_group *groups;
    size_t count;
    MG_GUARD(group_rows(report, MG_GRADE_SKIP, same_skip_reason, &groups, &count));
    mg_md_text(md, "\n## Skipped (the stack cannot express the case): %zu\n\n<details>"
                   "<summary>%zu reasons</summary>\n\n| why | cases | for example |\n"
                   "|---|---|---|\n",
               report->grade_counts[MG_GRADE_SKIP], count);
    for (size_t g = 0; g < count; g++) {
        const mg_report_row *r = &report->rows[groups[g].first];
        char examples[1024], scenarios[1024], why[1024];
        group_examples(report, &groups[g], same_skip_reason, examples, sizeof examples,
                       scenarios, sizeof scenarios);
        mg_md_cell(why, sizeof why, r->reason_text);
        mg_md_row(md, "| %s | %zu | %s |\n", why, groups[g].count, examples);
    }
    mg_md_end_section(md);
    mg_md_text(md, "\n</details>\n");
    free(groups);
    return MG_OK;
}

typedef struct {
    mg_md *md;
} audit_ctx;

static void audit_line(void *ctx, const mg_divergence *d, const char *scenarios)
{
    char why[1024], shown[1024];
    mg_md_cell(why, sizeof why, d->reason);
    mg_md_cell(shown, sizeof shown, scenarios);
    mg_md_row(((audit_ctx *)ctx)->md, "| %s | %s | %s | %s |\n", d->stack, why, shown,
              d->reference);
}

static void audit_section(mg_md *md, const mg_report *report)
{
    mg_md_text(md, "\n## Defaults audit: what each stack's minimal setup lets through\n\n"
                   "<details open><summary>Recorded divergences of the minimal policy that "
                   "happened in this run</summary>\n\n"
                   "| stack | the check it skips | shown by | reference |\n|---|---|---|---|\n");
    audit_ctx ctx = {md};
    mg_report_audit(report, audit_line, &ctx);
    mg_md_end_section(md);
    mg_md_text(md, "\n</details>\n");
}

static void changes_section(mg_md *md, const mg_report *report)
{
    if (!report->baseline) return;
    mg_md_text(md, "\n## Changed since `%s` (%zu)\n\n", report->baseline, report->change_count);
    if (!report->change_count) return;
    mg_md_text(md, "<details%s><summary>Verdicts that changed</summary>\n\n"
                   "| case | before | now |\n|---|---|---|\n",
               report->change_count <= 20 ? " open" : "");
    for (size_t i = 0; i < report->change_count; i++)
        mg_md_row(md, "| `%s` | `%s` | `%s` |\n", report->changes[i].id,
                  report->changes[i].before, report->changes[i].after);
    mg_md_end_section(md);
    mg_md_text(md, "\n</details>\n");
}

static void unused_section(mg_md *md, const mg_report *report)
{
    if (!report->unused_count) return;
    mg_md_text(md, "\n## Divergence records that matched no case (%zu): fix or remove\n\n"
                   "| record | where | stack |\n|---|---|---|\n", report->unused_count);
    for (size_t i = 0; i < report->unused_count; i++)
        mg_md_row(md, "| `%s` | %s:%d | %s |\n", report->unused[i]->id, report->unused[i]->file,
                  report->unused[i]->line, report->unused[i]->stack);
    mg_md_end_section(md);
}

static void headline(mg_md *md, const mg_report *report)
{
    const size_t *g = report->grade_counts;
    bool clean = !g[MG_GRADE_FAIL] && !g[MG_GRADE_XPASS];
    mg_md_text(md, "# mtlsgrid: %s\n\n**%zu cases** in %.1f s: %zu pass, %zu fail, %zu xfail, "
                   "%zu xpass, %zu skip (%s",
               clean ? "all as expected" : "unexpected outcomes", report->count,
               report->wall_seconds, g[MG_GRADE_PASS], g[MG_GRADE_FAIL], g[MG_GRADE_XFAIL],
               g[MG_GRADE_XPASS], g[MG_GRADE_SKIP],
               report->stack_versions ? report->stack_versions : "");
    if (report->run && report->run->seed)
        mg_md_text(md, "; seed `%s`, %s time", report->run->seed,
                   report->run->time_mode ? report->run->time_mode : "?");
    mg_md_text(md, ").\n\n| grade | cases |\n|---|---|\n");
    for (int k = 0; k < MG_GRADE_COUNT; k++)
        mg_md_text(md, "| %s | %zu |\n", mg_grade_name((mg_grade)k), g[k]);
}

mg_result mg_write_summary_md_capped(const mg_report *report, const char *path, size_t cap)
{
    mg_atomic_file f;
    MG_GUARD(mg_atomic_open(&f, path));
    mg_md md = {f.file, 0, cap, 0};
    headline(&md, report);
    if (report->preface) mg_md_text(&md, "\n%s", report->preface);
    mg_result r = failures_section(&md, report, MG_GRADE_FAIL, "Unexpected (fail)");
    if (mg_ok(r))
        r = failures_section(&md, report, MG_GRADE_XPASS,
                             "Stale divergences (xpass): remove the record");
    if (mg_ok(r)) {
        changes_section(&md, report);
        audit_section(&md, report);
        unused_section(&md, report);
        mg_slowest_md_section(&md, report);
        r = divergences_section(&md, report);
    }
    if (mg_ok(r)) r = skips_section(&md, report);
    if (!mg_ok(r)) {
        fclose(f.file);
        remove(f.temp_path);
        return r;
    }
    return mg_atomic_commit(&f);
}

mg_result mg_write_summary_md(const mg_report *report, const char *path)
{
    return mg_write_summary_md_capped(report, path, MG_MD_LIMIT - MG_MD_RESERVE);
}
