/* compare.json: the comparison for machines, the same facts as the Markdown. */
#include "compare.h"

#include "atomic_file.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_ids[MG_CHANGE_KIND_COUNT] = {
    [MG_CHANGE_ADDED_CHECK] = "added-check",   [MG_CHANGE_DROPPED_CHECK] = "dropped-check",
    [MG_CHANGE_OTHER_REASON] = "other-reason", [MG_CHANGE_OTHER_VERDICT] = "other-verdict",
    [MG_CHANGE_SAME_VERDICT] = "same-verdict",
};

static json_t *text_or_null(const char *s) { return s ? json_string(s) : json_null(); }

static json_t *outcome(const char *verdict, mg_grade grade, const char *divergence)
{
    return json_pack("{s:o, s:s, s:o}", "verdict", verdict[0] ? json_string(verdict) : json_null(),
                     "grade", mg_grade_name(grade), "divergence", text_or_null(divergence));
}

static json_t *row_outcome(const mg_report_row *r)
{
    return outcome(r->verdict, r->grade, r->divergence ? r->divergence->id : NULL);
}

static json_t *run_json(const mg_comparison *c, bool b)
{
    json_t *stacks = json_array();
    for (size_t i = 0; stacks && i < c->stack_count; i++) {
        const mg_compare_stack *s = &c->stacks[i];
        if (!(b ? s->in_b : s->in_a)) continue;
        const char *v = b ? s->version_b : s->version_a;
        json_array_append_new(stacks, json_pack("{s:s, s:o}", "name", s->name, "version",
                                                v[0] ? json_string(v) : json_null()));
    }
    const char *path = b ? c->path_b : c->path_a;
    return json_pack("{s:o, s:o, s:I}", "results", text_or_null(path), "stacks", stacks, "cases",
                     (json_int_t)(b ? c->count_b : c->count_a));
}

static json_t *group_json(const mg_comparison *c, const mg_compare_group *g)
{
    json_t *cases = json_array();
    for (size_t i = 0; cases && i < g->count; i++)
        json_array_append_new(cases, json_string(c->changed[g->first + i].b->id));
    return json_pack("{s:s, s:s, s:o, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:s, s:s, s:s, s:s}",
                     "kind",
                     kind_ids[g->kind], "words", mg_change_kind_words(g->kind), "stack",
                     text_or_null(g->stack), "role", text_or_null(g->role), "version_a",
                     text_or_null(g->version_a), "version_b", text_or_null(g->version_b),
                     "scenario", g->scenario, "a",
                     outcome(g->verdict_a, g->grade_a, g->divergence_a), "b",
                     outcome(g->verdict_b, g->grade_b, g->divergence_b), "cases", cases,
                     "peers", g->peers, "tls", g->tls, "policies", g->policies, "grades",
                     g->grades);
}

static json_t *only_json(const mg_report_row *const *rows, size_t count)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < count; i++) {
        json_t *o = row_outcome(rows[i]);
        if (o) json_object_set_new(o, "case", json_string(rows[i]->id));
        json_array_append_new(list, o);
    }
    return list;
}

mg_result mg_compare_write_json(const mg_comparison *c, const char *path)
{
    json_t *groups = json_array(), *changed = json_array();
    for (size_t i = 0; groups && i < c->group_count; i++)
        json_array_append_new(groups, group_json(c, &c->groups[i]));
    for (size_t i = 0; changed && i < c->changed_count; i++)
        json_array_append_new(changed, json_pack("{s:s, s:o, s:o}", "case", c->changed[i].b->id,
                                                 "a", row_outcome(c->changed[i].a), "b",
                                                 row_outcome(c->changed[i].b)));
    json_t *doc = json_pack("{s:o, s:o, s:b, s:I, s:o, s:o, s:o, s:o}", "a", run_json(c, false),
                            "b", run_json(c, true), "agree", mg_comparison_agrees(c), "same",
                            (json_int_t)c->same_count, "groups", groups, "changed", changed,
                            "only_a", only_json(c->only_a, c->only_a_count), "only_b",
                            only_json(c->only_b, c->only_b_count));
    char *text = doc ? json_dumps(doc, JSON_INDENT(1)) : NULL;
    json_decref(doc);
    MG_ENSURE(text, MG_E_INTERNAL, "%s: cannot encode the comparison", path);
    mg_result r = mg_atomic_write(path, text, strlen(text), 0644);
    free(text);
    return r;
}
