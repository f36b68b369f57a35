/* The matching and grouping of mtlsgrid compare: cases by id, differences grouped by the stack
 * that decided them (the side the verdict names) and by what changed. */
#include "compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_row_id(const void *a, const void *b)
{
    return strcmp((*(const mg_report_row *const *)a)->id, (*(const mg_report_row *const *)b)->id);
}

/* The rows of one run by case id; a case twice is not one run's results. */
static MG_RESULT index_rows(const mg_report_row *rows, size_t count, const char *path,
                            const mg_report_row ***out)
{
    *out = calloc(count ? count : 1, sizeof **out);
    MG_ENSURE(*out, MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; i < count; i++) (*out)[i] = &rows[i];
    qsort(*out, count, sizeof **out, by_row_id);
    for (size_t i = 1; i < count; i++)
        MG_ENSURE(strcmp((*out)[i - 1]->id, (*out)[i]->id) != 0, MG_E_INPUT,
                  "%s: case %s appears twice (one run's results hold each case once)", path,
                  (*out)[i]->id);
    return MG_OK;
}

static const char *divergence_id(const mg_report_row *r)
{
    return r->divergence ? r->divergence->id : NULL;
}

static bool same_text(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool rows_differ(const mg_report_row *a, const mg_report_row *b)
{
    return strcmp(a->verdict, b->verdict) != 0 || a->grade != b->grade ||
           !same_text(divergence_id(a), divergence_id(b));
}

/* The side a verdict names as the one that refused or could not start, or NULL. */
static const char *side_of(const char *verdict)
{
    mg_verdict v;
    if (!verdict[0] || !mg_verdict_parse(verdict, &v)) return NULL;
    if (v.kind == MG_VERDICT_CLIENT_REJECTS || v.kind == MG_VERDICT_CLIENT_ERROR) return "client";
    if (v.kind == MG_VERDICT_SERVER_REJECTS || v.kind == MG_VERDICT_SERVER_ERROR) return "server";
    return NULL;
}

/* The side the scenario expects to refuse or fail, when its expectations name one side. */
static const char *expected_side(const mg_scenario *s)
{
    const char *side = NULL;
    for (size_t i = 0; i < s->expected_count; i++) {
        char text[64];
        mg_verdict_format(s->expected[i], text, sizeof text);
        const char *this_side = side_of(text);
        if (!this_side) continue;
        if (side && strcmp(side, this_side) != 0) return NULL;
        side = this_side;
    }
    return side;
}

static bool is_rejection(const char *verdict)
{
    mg_verdict v;
    return verdict[0] && mg_verdict_parse(verdict, &v) &&
           (v.kind == MG_VERDICT_CLIENT_REJECTS || v.kind == MG_VERDICT_SERVER_REJECTS);
}

static mg_change_kind kind_of(const char *a, const char *b)
{
    if (strcmp(a, b) == 0) return MG_CHANGE_SAME_VERDICT;
    bool rejects_a = is_rejection(a), rejects_b = is_rejection(b);
    if (rejects_b && !rejects_a) return MG_CHANGE_ADDED_CHECK;
    if (rejects_a && strcmp(b, "ok") == 0) return MG_CHANGE_DROPPED_CHECK;
    if (rejects_a && rejects_b) return MG_CHANGE_OTHER_REASON;
    return MG_CHANGE_OTHER_VERDICT;
}

const char *mg_change_kind_words(mg_change_kind kind)
{
    static const char *const words[MG_CHANGE_KIND_COUNT] = {
        [MG_CHANGE_ADDED_CHECK] = "now rejects",
        [MG_CHANGE_DROPPED_CHECK] = "no longer rejects",
        [MG_CHANGE_OTHER_REASON] = "rejects otherwise",
        [MG_CHANGE_OTHER_VERDICT] = "fails otherwise",
        [MG_CHANGE_SAME_VERDICT] = "is graded otherwise",
    };
    return kind < MG_CHANGE_KIND_COUNT ? words[kind] : "?";
}

/* The group one changed case belongs to (count 1), found from its verdicts: the side the
 * later verdict names (or the earlier one's, or else the one the scenario expects to refuse),
 * else the stack of the record that applied. */
static mg_compare_group group_of(const mg_compare_case *c)
{
    const mg_report_row *a = c->a, *b = c->b;
    mg_compare_group g = {.kind = kind_of(a->verdict, b->verdict), .scenario = b->scenario->id,
                          .verdict_a = a->verdict, .verdict_b = b->verdict,
                          .grade_a = a->grade, .grade_b = b->grade,
                          .divergence_a = divergence_id(a), .divergence_b = divergence_id(b),
                          .count = 1};
    g.role = side_of(b->verdict);
    if (!g.role) g.role = side_of(a->verdict);
    if (!g.role) g.role = expected_side(b->scenario); /* the verifying side */
    if (g.role && strcmp(g.role, "client") == 0) {
        g.stack = b->client, g.version_a = a->client_version, g.version_b = b->client_version;
    } else if (g.role) {
        g.stack = b->server, g.version_a = a->server_version, g.version_b = b->server_version;
    } else if (b->divergence || a->divergence) {
        g.stack = (b->divergence ? b->divergence : a->divergence)->stack;
    }
    return g;
}

typedef struct {
    mg_compare_group group;
    mg_compare_case c;
} keyed_case;

static int text_order(const char *a, const char *b)
{
    if (!a || !b) return !a - !b; /* NULL (none) after any text */
    return strcmp(a, b);
}

/* Grades and records are what a same-verdict change is about; a verdict change is one
 * behaviour whatever records applied to its cases before or after. */
static int grades_order(const mg_compare_group *a, const mg_compare_group *b)
{
    int d = (int)a->grade_a - (int)b->grade_a;
    if (!d) d = (int)a->grade_b - (int)b->grade_b;
    if (!d) d = text_order(a->divergence_a, b->divergence_a);
    if (!d) d = text_order(a->divergence_b, b->divergence_b);
    return d;
}

static int by_group(const void *x, const void *y)
{
    const mg_compare_group *a = &((const keyed_case *)x)->group;
    const mg_compare_group *b = &((const keyed_case *)y)->group;
    int d = text_order(a->stack, b->stack);
    if (!d) d = (int)a->kind - (int)b->kind;
    if (!d) d = strcmp(a->scenario, b->scenario);
    if (!d) d = text_order(a->role, b->role);
    if (!d) d = strcmp(a->verdict_a, b->verdict_a);
    if (!d) d = strcmp(a->verdict_b, b->verdict_b);
    if (!d && a->kind == MG_CHANGE_SAME_VERDICT) d = grades_order(a, b);
    if (!d) d = text_order(a->version_a, b->version_a);
    if (!d) d = text_order(a->version_b, b->version_b);
    if (!d) d = strcmp(((const keyed_case *)x)->c.b->id, ((const keyed_case *)y)->c.b->id);
    return d;
}

static bool same_group(const mg_compare_group *a, const mg_compare_group *b)
{
    return a->kind == b->kind && same_text(a->stack, b->stack) &&
           same_text(a->role, b->role) && strcmp(a->scenario, b->scenario) == 0 &&
           strcmp(a->verdict_a, b->verdict_a) == 0 && strcmp(a->verdict_b, b->verdict_b) == 0 &&
           (a->kind != MG_CHANGE_SAME_VERDICT || grades_order(a, b) == 0) &&
           same_text(a->version_a, b->version_a) && same_text(a->version_b, b->version_b);
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct words, sorted, joined with ", " (what does not fit is cut, with "..."); returns
 * how many there are. */
static size_t join_distinct(const char **words, size_t n, char *buf, size_t len)
{
    qsort(words, n, sizeof *words, by_text);
    size_t used = 0, distinct = 0;
    bool cut = false;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i && strcmp(words[i], words[i - 1]) == 0) continue;
        distinct++;
        if (cut) continue;
        int wrote = snprintf(buf + used, len - used, "%s%s", used ? ", " : "", words[i]);
        if (wrote < 0 || (size_t)wrote >= len - used) {
            if (len > 4) strcpy(buf + len - 4, "...");
            cut = true;
            continue;
        }
        used += (size_t)wrote;
    }
    return distinct;
}

/* What the cases of group g have in common besides its key: the peers, TLS versions and
 * policies they cover. */
static void grade_text(const mg_report_row *r, char *buf, size_t len)
{
    if (r->divergence) snprintf(buf, len, "%s [%s]", mg_grade_name(r->grade), r->divergence->id);
    else snprintf(buf, len, "%s", mg_grade_name(r->grade));
}

typedef char grade_change[320];

/* Each case's "A grade [record] → B grade [record]", distinct, into g->grades. */
static MG_RESULT describe_grades(mg_compare_group *g, const mg_compare_case *cases,
                                 const char **words)
{
    grade_change *texts = calloc(g->count ? g->count : 1, sizeof *texts);
    MG_ENSURE(texts, MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; i < g->count; i++) {
        char a[150], b[150];
        grade_text(cases[i].a, a, sizeof a);
        grade_text(cases[i].b, b, sizeof b);
        if (strcmp(a, b) == 0) snprintf(texts[i], sizeof texts[i], "%s in both", a);
        else snprintf(texts[i], sizeof texts[i], "%s → %s", a, b);
        words[i] = texts[i];
    }
    join_distinct(words, g->count, g->grades, sizeof g->grades);
    free(texts);
    return MG_OK;
}

static MG_RESULT describe(mg_compare_group *g, const mg_compare_case *cases)
{
    const char **words = calloc(g->count ? g->count : 1, sizeof *words);
    MG_ENSURE(words, MG_E_INTERNAL, "out of memory");
    mg_result r = describe_grades(g, cases, words);
    for (size_t i = 0; i < g->count; i++) {
        const mg_report_row *b = cases[i].b;
        words[i] = !g->role ? b->id : strcmp(g->role, "client") == 0 ? b->server : b->client;
    }
    if (g->role) g->peer_count = join_distinct(words, g->count, g->peers, sizeof g->peers);
    for (size_t i = 0; i < g->count; i++) words[i] = cases[i].b->tls;
    join_distinct(words, g->count, g->tls, sizeof g->tls);
    for (size_t i = 0; i < g->count; i++) words[i] = cases[i].b->policy;
    join_distinct(words, g->count, g->policies, sizeof g->policies);
    free(words);
    return r;
}

static MG_RESULT group_changes(mg_comparison *c)
{
    size_t n = c->changed_count;
    keyed_case *keyed = calloc(n ? n : 1, sizeof *keyed);
    c->groups = calloc(n ? n : 1, sizeof *c->groups);
    if (!keyed || !c->groups) free(keyed);
    MG_ENSURE(keyed && c->groups, MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; i < n; i++) keyed[i] = (keyed_case){group_of(&c->changed[i]), c->changed[i]};
    qsort(keyed, n, sizeof *keyed, by_group);
    for (size_t i = 0; i < n; i++) {
        c->changed[i] = keyed[i].c;
        mg_compare_group *last = c->group_count ? &c->groups[c->group_count - 1] : NULL;
        if (last && same_group(last, &keyed[i].group)) {
            last->count++;
            continue;
        }
        c->groups[c->group_count] = keyed[i].group;
        c->groups[c->group_count++].first = i;
    }
    free(keyed);
    mg_result r = MG_OK;
    for (size_t i = 0; mg_ok(r) && i < c->group_count; i++)
        r = describe(&c->groups[i], &c->changed[c->groups[i].first]);
    return r;
}

static mg_compare_stack *stack_entry(mg_comparison *c, const char *name)
{
    for (size_t i = 0; i < c->stack_count; i++)
        if (strcmp(c->stacks[i].name, name) == 0) return &c->stacks[i];
    if (c->stack_count == MG_REPORT_STACK_MAX) return NULL;
    c->stacks[c->stack_count] = (mg_compare_stack){.name = name, .version_a = "", .version_b = ""};
    return &c->stacks[c->stack_count++];
}

static int by_stack_name(const void *a, const void *b)
{
    return strcmp(((const mg_compare_stack *)a)->name, ((const mg_compare_stack *)b)->name);
}

static void versions_text(const mg_comparison *c, bool run_b, char *out, size_t len)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < c->stack_count; i++) {
        const mg_compare_stack *s = &c->stacks[i];
        const char *v = run_b ? s->version_b : s->version_a;
        if (!(run_b ? s->in_b : s->in_a)) continue;
        int wrote = snprintf(out + used, len - used, "%s%s%s%s", used ? ", " : "", s->name,
                             v[0] ? " " : "", v);
        if (wrote > 0 && (size_t)wrote < len - used) used += (size_t)wrote;
    }
}

/* The stacks and versions each run's rows name (the first version seen; a merged file names
 * its stacks stack@version already). */
static void collect_stacks(mg_comparison *c, const mg_report_row *a, size_t na,
                           const mg_report_row *b, size_t nb)
{
    for (int run = 0; run < 2; run++) {
        const mg_report_row *rows = run ? b : a;
        for (size_t i = 0, n = run ? nb : na; i < n; i++) {
            const char *names[2] = {rows[i].client, rows[i].server};
            const char *versions[2] = {rows[i].client_version, rows[i].server_version};
            for (int side = 0; side < 2; side++) {
                mg_compare_stack *s = stack_entry(c, names[side]);
                if (!s) continue;
                const char **v = run ? &s->version_b : &s->version_a;
                if (!(*v)[0] && versions[side]) *v = versions[side];
                if (run) s->in_b = true;
                else s->in_a = true;
            }
        }
    }
    qsort(c->stacks, c->stack_count, sizeof *c->stacks, by_stack_name);
    versions_text(c, false, c->versions_a, sizeof c->versions_a);
    versions_text(c, true, c->versions_b, sizeof c->versions_b);
}

static MG_RESULT add_row(const mg_report_row ***list, size_t *count, const mg_report_row *row)
{
    const mg_report_row **grown = realloc(*list, (*count + 1) * sizeof *grown);
    MG_ENSURE(grown, MG_E_INTERNAL, "out of memory");
    *list = grown;
    grown[(*count)++] = row;
    return MG_OK;
}

static MG_RESULT match(mg_comparison *c, const mg_report_row **a, size_t na,
                       const mg_report_row **b, size_t nb)
{
    c->changed = calloc(na < nb ? na + 1 : nb + 1, sizeof *c->changed);
    MG_ENSURE(c->changed, MG_E_INTERNAL, "out of memory");
    size_t i = 0, k = 0;
    while (i < na || k < nb) {
        int d = i == na ? 1 : k == nb ? -1 : strcmp(a[i]->id, b[k]->id);
        if (d < 0) MG_GUARD(add_row(&c->only_a, &c->only_a_count, a[i++]));
        else if (d > 0) MG_GUARD(add_row(&c->only_b, &c->only_b_count, b[k++]));
        else {
            if (rows_differ(a[i], b[k]))
                c->changed[c->changed_count++] = (mg_compare_case){a[i], b[k]};
            else
                c->same_count++;
            i++, k++;
        }
    }
    return MG_OK;
}

mg_result mg_compare_rows(const mg_report_row *a, size_t na, const mg_report_row *b, size_t nb,
                          mg_comparison *c)
{
    c->count_a = na, c->count_b = nb;
    const mg_report_row **ia = NULL, **ib = NULL;
    mg_result r = index_rows(a, na, c->path_a ? c->path_a : "A", &ia);
    if (mg_ok(r)) r = index_rows(b, nb, c->path_b ? c->path_b : "B", &ib);
    if (mg_ok(r)) r = match(c, ia, na, ib, nb);
    free(ia), free(ib);
    if (mg_ok(r)) collect_stacks(c, a, na, b, nb);
    if (mg_ok(r)) r = group_changes(c);
    return r;
}

bool mg_comparison_agrees(const mg_comparison *c)
{
    return !c->changed_count && !c->only_a_count && !c->only_b_count;
}

void mg_comparison_free(mg_comparison *c)
{
    free(c->changed), free(c->groups), free(c->only_a), free(c->only_b);
    if (c->free_owner) c->free_owner(c->owner);
    *c = (mg_comparison){0};
}
