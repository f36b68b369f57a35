/* The case list of a limbo run: testcase-major, so that a worker's context cache serves the
 * consecutive cases of one testcase. */
#include "limbo_plan.h"

#include "limbo_express.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

mg_role mg_limbo_validator_role(mg_limbo_kind kind)
{
    return kind == MG_LIMBO_SERVER ? MG_ROLE_CLIENT : MG_ROLE_SERVER;
}

static MG_RESULT grow(mg_limbo_plan *p)
{
    size_t n = p->count + 1;
    mg_limbo_case_key *keys = realloc(p->keys, n * sizeof *keys);
    if (keys) p->keys = keys;
    char **ids = keys ? realloc(p->ids, n * sizeof *ids) : NULL;
    if (ids) p->ids = ids;
    mg_case *cases = ids ? realloc(p->cases, n * sizeof *cases) : NULL;
    if (cases) p->cases = cases;
    char **skips = cases ? realloc(p->skip_texts, n * sizeof *skips) : NULL;
    if (skips) p->skip_texts = skips;
    MG_ENSURE(skips, MG_E_INTERNAL, "out of memory listing limbo cases");
    p->ids[p->count] = NULL;
    p->skip_texts[p->count] = NULL;
    return MG_OK;
}

/* Adds the case unless the filter drops it. */
static MG_RESULT add_case(mg_limbo_plan *p, const mg_strings *globs, const mg_limbo_case_key *k,
                          const mg_stack *client, const mg_stack *server)
{
    /* Sized to the testcase's id, however long: a cut id could name two testcases' cases. */
    const char *testcase = p->suite->items[k->testcase].id;
    int n = snprintf(NULL, 0, "%s/%s-%s/tls%s/strict", testcase, client->name, server->name,
                     mg_tls_name(k->tls));
    char *id = n >= 0 ? malloc((size_t)n + 1) : NULL;
    MG_ENSURE(id, MG_E_INTERNAL, "out of memory listing limbo cases");
    snprintf(id, (size_t)n + 1, "%s/%s-%s/tls%s/strict", testcase, client->name, server->name,
             mg_tls_name(k->tls));
    mg_result r = MG_OK;
    if (!mg_plan_globs_keep(globs, id) || !mg_ok(r = grow(p))) {
        free(id);
        return r;
    }
    p->keys[p->count] = *k;
    p->cases[p->count] = (mg_case){NULL, client, server, NULL, NULL, NULL, NULL, NULL};
    p->ids[p->count] = id;
    p->cases[p->count].id = id;
    p->count++;
    return MG_OK;
}

static MG_RESULT list_testcase(mg_limbo_plan *p, const mg_strings *globs, size_t t)
{
    bool server_kind = p->suite->items[t].kind == MG_LIMBO_SERVER;
    for (size_t v = 0; v < p->axes.tls_count; v++)
        for (size_t c = 0; c < p->axes.stack_count; c++)
            for (size_t s = 0; s < p->axes.stack_count; s++) {
                const mg_stack *client = p->axes.stacks[c], *server = p->axes.stacks[s];
                mg_limbo_case_key k = {t, server_kind ? client : server,
                                       server_kind ? server : client, p->axes.tls[v]};
                MG_GUARD(add_case(p, globs, &k, client, server));
            }
    return MG_OK;
}

/* Points the testcase's cases at its configs and gives each its skip reason, if any. */
static MG_RESULT resolve_testcase(mg_limbo_plan *p, size_t first, size_t end, const char *why)
{
    for (size_t i = first; i < end; i++) {
        const mg_limbo_case_key *k = &p->keys[i];
        size_t tls = k->tls == p->axes.tls[0] ? 0 : 1;
        mg_side_config *cfg = &p->configs[k->testcase * 4];
        p->cases[i].client = &cfg[MG_ROLE_CLIENT * 2 + tls];
        p->cases[i].server = &cfg[MG_ROLE_SERVER * 2 + tls];
        if (why[0]) MG_GUARD(mg_strdup(why, &p->skip_texts[i]));
        else MG_GUARD(mg_case_skip_reason(&p->cases[i], 0, 0, &p->skip_texts[i]));
        p->cases[i].skip_reason = p->skip_texts[i];
    }
    return MG_OK;
}

mg_result mg_limbo_plan_build(const mg_limbo_suite *suite, const mg_limbo_options *o,
                              const char *work_dir, const char *server_cert,
                              const char *server_key, mg_limbo_plan *plan)
{
    memset(plan, 0, sizeof *plan);
    plan->suite = suite;
    MG_GUARD(mg_plan_parse_axes(o->stacks, o->tls, "strict", &plan->axes));
    plan->configs = calloc(suite->count ? suite->count * 4 : 1, sizeof *plan->configs);
    MG_ENSURE(plan->configs, MG_E_INTERNAL, "out of memory");
    /* The configs point at these copies: the caller's buffers may not outlive the plan. */
    MG_GUARD(mg_strings_add(&plan->paths, server_cert));
    MG_GUARD(mg_strings_add(&plan->paths, server_key));
    server_cert = plan->paths.items[0];
    server_key = plan->paths.items[1];
    mg_strings globs = {0};
    mg_result r = mg_strings_add_split(&globs, o->filter ? o->filter : "");
    for (size_t t = 0; t < suite->count && mg_ok(r); t++) {
        size_t first = plan->count;
        r = list_testcase(plan, &globs, t);
        if (!mg_ok(r) || plan->count == first) continue;
        char why[512];
        mg_limbo_unexpressible(&suite->items[t], why, sizeof why);
        if (!why[0]) r = mg_limbo_write_testcase(plan, t, work_dir, server_cert, server_key);
        if (mg_ok(r)) r = resolve_testcase(plan, first, plan->count, why);
    }
    mg_strings_free(&globs);
    return r;
}

void mg_limbo_plan_free(mg_limbo_plan *plan)
{
    for (size_t i = 0; i < plan->count; i++) {
        free(plan->ids[i]);
        free(plan->skip_texts[i]);
    }
    free(plan->ids);
    free(plan->skip_texts);
    free(plan->keys);
    free(plan->cases);
    free(plan->configs);
    mg_strings_free(&plan->paths);
    memset(plan, 0, sizeof *plan);
}
