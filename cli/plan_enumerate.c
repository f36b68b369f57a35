#include "backends.h"
#include "plan.h"

#include <fnmatch.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *mg_tls_name(mg_tls_version tls) { return tls == MG_TLS12 ? "1.2" : "1.3"; }
const char *mg_policy_name(mg_policy policy)
{
    return policy == MG_POLICY_STRICT ? "strict" : "minimal";
}

static bool matches_any(const mg_strings *globs, const char *id)
{
    if (!globs->count) return true;
    for (size_t i = 0; i < globs->count; i++)
        if (fnmatch(globs->items[i], id, 0) == 0) return true;
    return false;
}

typedef struct {
    const mg_stack *stacks[8];
    size_t stack_count;
    mg_tls_version tls[2];
    size_t tls_count;
    mg_policy policies[2];
    size_t policy_count;
} axes;

static mg_result parse_axes(const mg_plan_options *o, axes *a)
{
    mg_strings words = {0};
    mg_result r = mg_strings_add_split(&words, o->stacks ? o->stacks : "openssl,gnutls");
    for (size_t i = 0; mg_ok(r) && i < words.count; i++) {
        const mg_stack *s = mg_stack_find(words.items[i]);
        if (!s) r = mg_fail(MG_E_USAGE, "--stacks: unknown stack \"%s\" (known: openssl, gnutls)",
                            words.items[i]);
        else if (a->stack_count < 8) a->stacks[a->stack_count++] = s;
    }
    mg_strings_free(&words);
    MG_GUARD(r);
    r = mg_strings_add_split(&words, o->tls ? o->tls : "1.2,1.3");
    for (size_t i = 0; mg_ok(r) && i < words.count && a->tls_count < 2; i++) {
        const char *w = words.items[i];
        if (strcmp(w, "1.2") == 0) a->tls[a->tls_count++] = MG_TLS12;
        else if (strcmp(w, "1.3") == 0) a->tls[a->tls_count++] = MG_TLS13;
        else r = mg_fail(MG_E_USAGE, "--tls: unknown version \"%s\" (1.2 or 1.3)", w);
    }
    mg_strings_free(&words);
    MG_GUARD(r);
    r = mg_strings_add_split(&words, o->policies ? o->policies : "strict,minimal");
    for (size_t i = 0; mg_ok(r) && i < words.count && a->policy_count < 2; i++) {
        const char *w = words.items[i];
        if (strcmp(w, "strict") == 0) a->policies[a->policy_count++] = MG_POLICY_STRICT;
        else if (strcmp(w, "minimal") == 0) a->policies[a->policy_count++] = MG_POLICY_MINIMAL;
        else r = mg_fail(MG_E_USAGE, "--policy: unknown policy \"%s\" (strict or minimal)", w);
    }
    mg_strings_free(&words);
    MG_GUARD(r);
    MG_ENSURE(a->stack_count && a->tls_count && a->policy_count, MG_E_USAGE,
              "--stacks, --tls and --policy must each name at least one value");
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

static mg_result parse_shard(const char *text, unsigned *k, unsigned *n)
{
    *k = 0, *n = 1;
    if (!text) return MG_OK;
    char tail;
    MG_ENSURE(sscanf(text, "%u/%u%c", k, n, &tail) == 2 && *n >= 1 && *k >= 1 && *k <= *n,
              MG_E_USAGE, "--shard: expected K/N with 1 <= K <= N, got \"%s\"", text);
    (*k)--;
    return MG_OK;
}

static mg_result add_case(mg_plan *plan, const mg_case_key *key, const char *id)
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
    axes a = {0};
    MG_GUARD(parse_axes(o, &a));
    unsigned shard, shards;
    MG_GUARD(parse_shard(o->shard, &shard, &shards));
    MG_GUARD(mg_scenarios_load_dir(o->scenarios_dir, &plan->scenarios));
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
                        char id[512];
                        snprintf(id, sizeof id, "%s/%s-%s/tls%s/%s", key.scenario->id,
                                 key.client_stack->name, key.server_stack->name,
                                 mg_tls_name(key.tls), mg_policy_name(key.policy));
                        if (matches_any(&globs, id) && shard_of(id, shards) == shard)
                            r = add_case(plan, &key, id);
                    }
    mg_strings_free(&globs);
    return r;
}
