#include "repro_case.h"

#include "temp_dir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A bare scenario id stands for its TLS 1.3 strict cases; the first the stacks can express
 * (openssl-openssl first) is the one reproduced. */
static MG_RESULT find_cases(const char *id, const char *scenarios_dir, mg_repro_case *rc,
                            bool *bare)
{
    *bare = strchr(id, '/') == NULL;
    snprintf(rc->case_id, sizeof rc->case_id, *bare ? "%s/*/tls1.3/strict" : "%s", id);
    mg_plan_options o = {.scenarios_dir = scenarios_dir, .filter = rc->case_id};
    MG_GUARD(mg_plan_enumerate(&o, &rc->plan));
    MG_ENSURE(rc->plan.count > 0, MG_E_USAGE,
              "%s: no such case (mtlsgrid list shows them: SCENARIO/CLIENT-SERVER/TLS/POLICY)", id);
    MG_ENSURE(*bare || rc->plan.count == 1, MG_E_USAGE, "%s: matches %zu cases; give exactly one",
              id, rc->plan.count);
    return MG_OK;
}

static size_t pick_case(const mg_plan *plan)
{
    for (size_t i = 0; i < plan->count; i++)
        if (!plan->cases[i].skip_reason) return i;
    return 0;
}

mg_result mg_repro_case_resolve(const char *id, const char *scenarios_dir, mg_repro_case *rc)
{
    memset(rc, 0, sizeof *rc);
    bool bare;
    MG_GUARD(find_cases(id, scenarios_dir, rc, &bare));
    MG_GUARD(mg_temp_dir_make("repro", rc->temp_dir, sizeof rc->temp_dir));
    mg_plan_matrix_options mo = {NULL, NULL, MG_TIME_NOW};
    mg_plan_matrix m;
    MG_GUARD(mg_plan_prepare(&rc->plan, rc->temp_dir, &mo, &m));
    size_t pick = bare ? pick_case(&rc->plan) : 0;
    rc->c = &rc->plan.cases[pick];
    rc->key = &rc->plan.keys[pick];
    snprintf(rc->case_id, sizeof rc->case_id, "%s", rc->plan.ids[pick]);
    return MG_OK;
}

const mg_artifact *mg_repro_side_artifact(const mg_repro_case *rc, mg_role role)
{
    const mg_scenario_side *side =
        role == MG_ROLE_CLIENT ? &rc->key->scenario->client : &rc->key->scenario->server;
    const char *name = side->p12 ? side->p12 : side->cert;
    return name ? mg_manifest_find(&rc->plan.manifest, name) : NULL;
}

void mg_repro_case_free(mg_repro_case *rc)
{
    mg_plan_free(&rc->plan);
    mg_temp_dir_remove(rc->temp_dir);
}
