#include "plan.h"

#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool mg_plan_globs_keep(const mg_strings *globs, const char *id)
{
    if (!globs->count) return true;
    for (size_t i = 0; i < globs->count; i++)
        if (fnmatch(globs->items[i], id, 0) == 0) return true;
    return false;
}

mg_result mg_plan_parse_axes(const char *stacks, const char *tls, const char *policies,
                             mg_plan_axes *a)
{
    MG_GUARD(mg_stack_parse_list("--stacks", stacks, a->stacks, &a->stack_count));
    MG_GUARD(mg_tls_parse_list("--tls", tls, a->tls, &a->tls_count));
    MG_GUARD(mg_policy_parse_list("--policy", policies, a->policies, &a->policy_count));
    return MG_OK;
}

/* A case's shard comes from its id alone (FNV-1a), so it does not move when other scenarios
 * are added, and the N shards are disjoint and together make the whole list. */
static unsigned shard_of(const char *id, unsigned n)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)id; *p; p++) h = (h ^ *p) * 16777619u;
    return h % n;
}

static MG_RESULT parse_shard(const char *text, unsigned *k, unsigned *n)
{
    *k = 0, *n = 1;
    if (!text) return MG_OK;
    char tail;
    MG_ENSURE(sscanf(text, "%u/%u%c", k, n, &tail) == 2 && *n >= 1 && *k >= 1 && *k <= *n,
              MG_E_USAGE, "--shard: expected K/N with 1 <= K <= N, got \"%s\"", text);
    (*k)--;
    return MG_OK;
}

/* A scenario of one TLS version (`tls = 1.3`: a feature TLS 1.2 lacks) has no case in the
 * other: there is nothing to grade, so it is not listed rather than listed as skip. */
static bool scenario_has_version(const mg_scenario *s, mg_tls_version tls)
{
    return !s->tls || strcmp(s->tls, mg_tls_name(tls)) == 0;
}

static MG_RESULT add_case(mg_plan *plan, const mg_case_key *key, const char *id)
{
    mg_case_key *keys = realloc(plan->keys, (plan->count + 1) * sizeof *keys);
    MG_ENSURE(keys, MG_E_INTERNAL, "out of memory");
    plan->keys = keys;
    char **ids = realloc(plan->ids, (plan->count + 1) * sizeof *ids);
    MG_ENSURE(ids, MG_E_INTERNAL, "out of memory");
    plan->ids = ids;
    MG_GUARD(mg_strdup(id, &plan->ids[plan->count]));
    plan->keys[plan->count++] = *key;
    return MG_OK;
}

mg_result mg_plan_enumerate(const mg_plan_options *o, mg_plan *plan)
{
    memset(plan, 0, sizeof *plan);
    plan->whole = !o->filter && !o->shard && !o->stacks && !o->tls && !o->policies;
    mg_plan_axes a = {0};
    MG_GUARD(mg_plan_parse_axes(o->stacks, o->tls, o->policies, &a));
    unsigned shard, shards;
    MG_GUARD(parse_shard(o->shard, &shard, &shards));
    const char *scenarios_dir;
    MG_GUARD(mg_plan_scenarios_dir(o, &scenarios_dir));
    MG_GUARD(mg_scenarios_load_dir(scenarios_dir, &plan->scenarios));
    MG_GUARD(mg_plan_check_divergences(&plan->scenarios));
    mg_strings globs = {0};
    MG_GUARD(mg_strings_add_split(&globs, o->filter ? o->filter : ""));
    mg_result r = MG_OK;
    /* Scenario-major order: consecutive cases share contexts in a worker's cache. */
    for (size_t s = 0; s < plan->scenarios.count && mg_ok(r); s++)
        for (size_t t = 0; t < a.tls_count; t++)
            for (size_t p = 0; p < a.policy_count; p++)
                for (size_t c = 0; c < a.stack_count; c++)
                    for (size_t v = 0; v < a.stack_count && mg_ok(r); v++) {
                        mg_case_key key = {&plan->scenarios.scenarios[s], a.stacks[c],
                                           a.stacks[v], a.tls[t], a.policies[p]};
                        if (!scenario_has_version(key.scenario, key.tls)) continue;
                        char id[512];
                        snprintf(id, sizeof id, "%s/%s-%s/tls%s/%s", key.scenario->id,
                                 key.client_stack->name, key.server_stack->name,
                                 mg_tls_name(key.tls), mg_policy_name(key.policy));
                        if (mg_plan_globs_keep(&globs, id) && shard_of(id, shards) == shard)
                            r = add_case(plan, &key, id);
                    }
    mg_strings_free(&globs);
    return r;
}
