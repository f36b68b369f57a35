/* mtlsgrid compare as Markdown: the two runs' stacks, what changed by stack (one line per
 * behaviour), then every case that differs with A's and B's verdicts side by side, and the
 * cases only one run has. */
#include "compare.h"

#include <string.h>

/* Inline code in a table cell: a pipe would end the cell. */
static void code(FILE *out, const char *text)
{
    fputc('`', out);
    for (const char *p = text; *p; p++) {
        if (*p == '|') fputc('\\', out);
        fputc(*p, out);
    }
    fputc('`', out);
}

static const char *verdict_or_skip(const char *verdict)
{
    return verdict[0] ? verdict : "(skipped)";
}

static const mg_compare_stack *find_stack(const mg_comparison *c, const char *name)
{
    for (size_t i = 0; name && i < c->stack_count; i++)
        if (strcmp(c->stacks[i].name, name) == 0) return &c->stacks[i];
    return NULL;
}

static void stack_heading(FILE *out, const mg_comparison *c, const char *name)
{
    const mg_compare_stack *s = find_stack(c, name);
    if (!s) {
        fprintf(out, "\n### %s\n\n", name ? name : "Neither side named by the verdicts");
        return;
    }
    const char *a = s->in_a ? (s->version_a[0] ? s->version_a : "?") : "absent";
    const char *b = s->in_b ? (s->version_b[0] ? s->version_b : "?") : "absent";
    if (strcmp(a, b) == 0) fprintf(out, "\n### %s %s (the same version in both runs)\n\n", name, a);
    else fprintf(out, "\n### %s %s → %s\n\n", name, a, b);
}

static size_t stacks_in_b(const mg_comparison *c)
{
    size_t n = 0;
    for (size_t i = 0; i < c->stack_count; i++) n += c->stacks[i].in_b;
    return n;
}

static void group_line(FILE *out, const mg_comparison *c, const mg_compare_group *g)
{
    fputs("- ", out);
    if (g->role) fprintf(out, "as %s, ", g->role);
    fprintf(out, "**%s** ", mg_change_kind_words(g->kind));
    code(out, g->scenario);
    fputs(": ", out);
    code(out, verdict_or_skip(g->verdict_a));
    if (g->kind != MG_CHANGE_SAME_VERDICT) {
        fputs(" → ", out);
        code(out, verdict_or_skip(g->verdict_b));
    }
    fprintf(out, ", graded %s", g->grades);
    fprintf(out, "; %zu case%s: ", g->count, g->count == 1 ? "" : "s");
    if (g->peers[0])
        fprintf(out, "%s %s (%s); ", g->peer_count == stacks_in_b(c) ? "every" : "the",
                strcmp(g->role, "client") == 0 ? "server" : "client", g->peers);
    fprintf(out, "TLS %s; %s\n", g->tls, g->policies);
}

static bool same_stack(const mg_compare_group *a, const mg_compare_group *b)
{
    return (!a->stack && !b->stack) || (a->stack && b->stack && strcmp(a->stack, b->stack) == 0);
}

/* "checks added: 2 (24 cases), grades changed: 1 (6 cases)" for groups[first..] of one stack. */
static void stack_tally(FILE *out, const mg_comparison *c, size_t first)
{
    static const char *const nouns[MG_CHANGE_KIND_COUNT] = {
        [MG_CHANGE_ADDED_CHECK] = "checks added", [MG_CHANGE_DROPPED_CHECK] = "checks dropped",
        [MG_CHANGE_OTHER_REASON] = "reasons changed",
        [MG_CHANGE_OTHER_VERDICT] = "failures changed",
        [MG_CHANGE_SAME_VERDICT] = "grades or records changed (same verdict)",
    };
    size_t lines[MG_CHANGE_KIND_COUNT] = {0}, cases[MG_CHANGE_KIND_COUNT] = {0};
    for (size_t i = first; i < c->group_count && same_stack(&c->groups[i], &c->groups[first]);
         i++)
        lines[c->groups[i].kind]++, cases[c->groups[i].kind] += c->groups[i].count;
    bool any = false;
    for (int k = 0; k < MG_CHANGE_KIND_COUNT; k++) {
        if (!lines[k]) continue;
        fprintf(out, "%s%s: %zu (%zu case%s)", any ? ", " : "", nouns[k], lines[k], cases[k],
                cases[k] == 1 ? "" : "s");
        any = true;
    }
    fputs(".\n\n", out);
}

static void by_stack(FILE *out, const mg_comparison *c)
{
    fputs("\n## What changed, by stack\n\nEach line is one behaviour of the stack on the side "
          "the verdict names (the side that refused, or could not start): the scenario, A's "
          "verdict → B's, and the cases that show it.\n",
          out);
    for (size_t i = 0; i < c->group_count; i++) {
        const mg_compare_group *g = &c->groups[i];
        if (i == 0 || !same_stack(g, &c->groups[i - 1])) {
            stack_heading(out, c, g->stack);
            stack_tally(out, c, i);
        }
        group_line(out, c, g);
    }
}

static void cell(FILE *out, const mg_report_row *r)
{
    fputs(" | ", out);
    code(out, verdict_or_skip(r->verdict));
    fprintf(out, " %s", mg_grade_name(r->grade));
    if (r->divergence) {
        fputc(' ', out);
        code(out, r->divergence->id);
    }
}

static void changed_table(FILE *out, const mg_comparison *c)
{
    fprintf(out, "\n## Cases that differ (%zu)\n\n| case | A: %s | B: %s |\n|---|---|---|\n",
            c->changed_count, c->versions_a, c->versions_b);
    for (size_t i = 0; i < c->changed_count; i++) {
        fputs("| ", out);
        code(out, c->changed[i].a->id);
        cell(out, c->changed[i].a);
        cell(out, c->changed[i].b);
        fputs(" |\n", out);
    }
}

static void only_table(FILE *out, const char *which, const char *versions,
                       const mg_report_row *const *rows, size_t count)
{
    if (!count) return;
    fprintf(out, "\n## Only in %s (%zu)\n\n| case | %s: %s |\n|---|---|\n", which, count, which,
            versions);
    for (size_t i = 0; i < count; i++) {
        fputs("| ", out);
        code(out, rows[i]->id);
        cell(out, rows[i]);
        fputs(" |\n", out);
    }
}

mg_result mg_compare_write_md(const mg_comparison *c, FILE *out)
{
    size_t differ = c->changed_count + c->only_a_count + c->only_b_count;
    if (mg_comparison_agrees(c)) fputs("# mtlsgrid compare: the runs agree\n\n", out);
    else fprintf(out, "# mtlsgrid compare: %zu case%s differ\n\n", differ, differ == 1 ? "" : "s");
    fputs("| | A | B |\n|---|---|---|\n| results | ", out);
    code(out, c->path_a ? c->path_a : "A");
    fputs(" | ", out);
    code(out, c->path_b ? c->path_b : "B");
    fprintf(out, " |\n| stacks | %s | %s |\n| cases | %zu | %zu |\n\n", c->versions_a,
            c->versions_b, c->count_a, c->count_b);
    fprintf(out, "%zu cases in both agree, %zu differ (in verdict, grade or the record that "
                 "explains it); %zu only in A, %zu only in B.\n",
            c->same_count, c->changed_count, c->only_a_count, c->only_b_count);
    if (c->group_count) by_stack(out, c);
    if (c->changed_count) changed_table(out, c);
    only_table(out, "A", c->versions_a, c->only_a, c->only_a_count);
    only_table(out, "B", c->versions_b, c->only_b, c->only_b_count);
    fflush(out);
    return ferror(out) ? mg_fail(MG_E_IO, "compare: cannot write the Markdown") : MG_OK;
}
