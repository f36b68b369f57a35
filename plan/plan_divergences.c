/* Divergence records are data that nothing else reads back: a typo in a stack name, a peer
 * glob or a scenario glob would make a record silently match nothing. The planner checks each
 * record against what could be a case (the loader has checked the values of tls, policy and
 * side), and says which records the linked versions leave out. */
#include "glob_list.h"
#include "plan.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool glob(const char *pattern, const char *text)
{
    return mg_glob_list_match(pattern, text);
}

static bool some_scenario(const mg_scenario_set *set, const char *pattern)
{
    for (size_t i = 0; i < set->count; i++)
        if (fnmatch(pattern, set->scenarios[i].id, 0) == 0) return true;
    return false;
}

static bool some_known_stack(const mg_scenario_set *set, const char *pattern)
{
    (void)set;
    for (const char *const *k = mg_stack_known_names(); *k; k++)
        if (fnmatch(pattern, *k, 0) == 0) return true;
    return false;
}

/* Every alternative of a list must match something: a typo in one of them would otherwise
 * hide behind the others. NULL, or the alternative that matches nothing. */
static const char *dead_alternative(const mg_scenario_set *set, const char *list,
                                    bool (*matches)(const mg_scenario_set *, const char *))
{
    static char pattern[256];
    for (const char *cursor = list; mg_glob_list_next(&cursor, pattern, sizeof pattern);)
        if (!matches(set, pattern)) return pattern;
    return NULL;
}

static MG_RESULT check_record(const mg_scenario_set *set, const mg_divergence *d)
{
    MG_ENSURE(mg_stack_known(d->stack), MG_E_INPUT,
              "%s:%d: divergence [%s]: stack \"%s\" is not a registered stack (registered: %s)",
              d->file, d->line, d->id, d->stack, mg_stack_names_text());
    const char *dead = d->peer ? dead_alternative(set, d->peer, some_known_stack) : NULL;
    MG_ENSURE(!dead, MG_E_INPUT,
              "%s:%d: divergence [%s]: peer \"%s\" matches no registered stack", d->file,
              d->line, d->id, dead);
    dead = dead_alternative(set, d->scenario, some_scenario);
    MG_ENSURE(!dead, MG_E_INPUT,
              "%s:%d: divergence [%s]: scenario \"%s\" matches no scenario of the catalogue",
              d->file, d->line, d->id, dead);
    return MG_OK;
}

mg_result mg_plan_check_divergences(const mg_scenario_set *set)
{
    for (size_t i = 0; i < set->divergence_count; i++)
        MG_GUARD(check_record(set, &set->divergences[i]));
    return MG_OK;
}

size_t mg_plan_divergences_off_version(const mg_scenario_set *set, FILE *out)
{
    size_t missed = 0;
    for (size_t i = 0; i < set->divergence_count; i++) {
        const mg_divergence *d = &set->divergences[i];
        const mg_stack *stack = mg_stack_find(d->stack);
        if (!stack || mg_divergence_applies_to(d, stack->version())) continue;
        if (out && missed < 5)
            fprintf(out, "note: divergence [%s] (%s:%d) is for %s %s; this build links %s: "
                         "not applied\n",
                    d->id, d->file, d->line, d->stack, mg_divergence_versions_text(d),
                    stack->version());
        missed++;
    }
    if (out && missed > 5) fprintf(out, "note: ... and %zu more such records\n", missed - 5);
    return missed;
}

/* Whether a built stack can be the record's peer (a record about a peer this build lacks
 * applies to no case of it). */
static bool peer_built(const mg_divergence *d)
{
    if (!d->peer) return true;
    for (const mg_stack *const *s = mg_stacks; *s; s++)
        if (glob(d->peer, (*s)->name)) return true;
    return false;
}

mg_result mg_plan_find_unused_divergences(const mg_plan *plan, mg_report *report)
{
    report->unused = NULL, report->unused_count = 0;
    if (!plan->whole) return MG_OK; /* a narrowed run leaves records out by design */
    const mg_scenario_set *set = &plan->scenarios;
    for (size_t i = 0; i < set->divergence_count; i++) {
        const mg_divergence *d = &set->divergences[i];
        const mg_stack *stack = mg_stack_find(d->stack);
        if (!stack || !mg_divergence_applies_to(d, stack->version()) || !peer_built(d))
            continue;
        bool used = false;
        for (size_t r = 0; r < report->count && !used; r++) used = report->rows[r].divergence == d;
        if (used) continue;
        if (!report->unused) {
            report->unused = calloc(set->divergence_count, sizeof *report->unused);
            MG_ENSURE(report->unused, MG_E_INTERNAL, "out of memory");
        }
        report->unused[report->unused_count++] = d;
        printf("note: divergence [%s] (%s:%d) matched no case of this run: fix or remove it\n",
               d->id, d->file, d->line);
    }
    return MG_OK;
}
