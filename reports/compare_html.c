/* compare.html: the grid page of index.html (reports/html_template.c) over the cases that
 * differ, A's and B's cells in columns of their own: a stack whose version changed is named
 * stack@version, so each version has its columns; a case whose stacks kept their versions
 * (another policy, another build) gets "(A)" and "(B)" after its policy. The page's list of
 * changes holds the lines of "What changed, by stack". */
#include "compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const mg_comparison *c;
    mg_report report;
    char **texts; /* the labels and ids made for the page */
    size_t text_count;
} html_page;

static MG_RESULT keep(html_page *p, const char *text, const char **out)
{
    char **grown = realloc(p->texts, (p->text_count + 1) * sizeof *grown);
    MG_ENSURE(grown, MG_E_INTERNAL, "out of memory");
    p->texts = grown;
    char *copy = strdup(text);
    MG_ENSURE(copy, MG_E_INTERNAL, "out of memory");
    p->texts[p->text_count++] = copy;
    *out = copy;
    return MG_OK;
}

static bool version_changed(const mg_comparison *c, const char *name)
{
    for (size_t i = 0; i < c->stack_count; i++)
        if (strcmp(c->stacks[i].name, name) == 0)
            return strcmp(c->stacks[i].version_a, c->stacks[i].version_b) != 0;
    return false;
}

static MG_RESULT label(html_page *p, const char *name, const char *version, const char **out)
{
    if (!version || !version_changed(p->c, name)) {
        *out = name;
        return MG_OK;
    }
    char text[256];
    snprintf(text, sizeof text, "%s@%s", name, version);
    return keep(p, text, out);
}

/* A copy of row r of run `which` ('A' or 'B'), named for its column. */
static MG_RESULT add_row(html_page *p, const mg_report_row *r, char which, bool both)
{
    mg_report_row *row = &p->report.rows[p->report.count];
    *row = *r;
    MG_GUARD(label(p, r->client, r->client_version, &row->client));
    MG_GUARD(label(p, r->server, r->server_version, &row->server));
    if (both && row->client == r->client && row->server == r->server) {
        char policy[96];
        snprintf(policy, sizeof policy, "%s (%c)", r->policy, which);
        MG_GUARD(keep(p, policy, &row->policy));
    }
    size_t len = strlen(r->scenario->id) + strlen(row->client) + strlen(row->server) +
                 strlen(row->tls) + strlen(row->policy) + 8;
    char *id = malloc(len);
    MG_ENSURE(id, MG_E_INTERNAL, "out of memory");
    snprintf(id, len, "%s/%s-%s/tls%s/%s", r->scenario->id, row->client, row->server, row->tls,
             row->policy);
    const char *kept;
    mg_result k = keep(p, id, &kept);
    free(id);
    MG_GUARD(k);
    row->id = (char *)kept;
    p->report.grade_counts[row->grade]++;
    p->report.count++;
    return MG_OK;
}

static void outcome_text(char *buf, size_t len, const char *verdict, mg_grade grade)
{
    snprintf(buf, len, "%s (%s)", verdict[0] ? verdict : "(skipped)", mg_grade_name(grade));
}

static MG_RESULT group_change(html_page *p, const mg_compare_group *g, mg_verdict_change *out)
{
    char text[1024];
    snprintf(text, sizeof text, "%s%s%s%s %s %s: %zu case%s%s%s", g->stack ? g->stack : "",
             g->version_b && g->stack ? " " : "", g->version_b && g->stack ? g->version_b : "",
             g->role ? (strcmp(g->role, "client") == 0 ? " as client" : " as server") : "",
             mg_change_kind_words(g->kind), g->scenario, g->count, g->count == 1 ? "" : "s",
             g->peers[0] ? ", peers " : "", g->peers);
    MG_GUARD(keep(p, text, &out->id));
    outcome_text(out->before, sizeof out->before, g->verdict_a, g->grade_a);
    outcome_text(out->after, sizeof out->after, g->verdict_b, g->grade_b);
    return MG_OK;
}

static MG_RESULT build(html_page *p)
{
    const mg_comparison *c = p->c;
    size_t n = 2 * c->changed_count + c->only_a_count + c->only_b_count;
    p->report.rows = calloc(n ? n : 1, sizeof *p->report.rows);
    p->report.changes = calloc(c->group_count ? c->group_count : 1, sizeof *p->report.changes);
    MG_ENSURE(p->report.rows && p->report.changes, MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; i < c->changed_count; i++) {
        MG_GUARD(add_row(p, c->changed[i].a, 'A', true));
        MG_GUARD(add_row(p, c->changed[i].b, 'B', true));
    }
    for (size_t i = 0; i < c->only_a_count; i++) MG_GUARD(add_row(p, c->only_a[i], 'A', false));
    for (size_t i = 0; i < c->only_b_count; i++) MG_GUARD(add_row(p, c->only_b[i], 'B', false));
    for (size_t i = 0; i < c->group_count; i++)
        MG_GUARD(group_change(p, &c->groups[i], &p->report.changes[p->report.change_count++]));
    char versions[2200];
    snprintf(versions, sizeof versions, "cases that differ between A (%s) and B (%s)",
             c->versions_a, c->versions_b);
    const char *kept;
    MG_GUARD(keep(p, versions, &kept));
    p->report.stack_versions = kept;
    p->report.baseline = c->path_a;
    return MG_OK;
}

mg_result mg_compare_write_html(const mg_comparison *c, const char *path)
{
    html_page p = {.c = c};
    mg_result r = build(&p);
    if (mg_ok(r)) r = mg_write_html(&p.report, path);
    for (size_t i = 0; i < p.text_count; i++) free(p.texts[i]);
    free(p.texts);
    free(p.report.rows);
    free(p.report.changes);
    return r;
}
