/* Cases whose sides read alike share one config object, so that a worker, which keeps
 * contexts by config, makes each distinct context once: most server-judges scenarios give
 * the server the same credentials and trust, and most client-judges ones the client. */
#include "plan_share.h"

#include "side_config.h"

#include <stdint.h>
#include <stdlib.h>

typedef struct {
    const mg_side_config **slots; /* open addressing; NULL: empty */
    size_t mask;
} config_table;

/* The first config seen that reads like `c`, or `c`, now entered. */
static const mg_side_config *canonical(config_table *t, const mg_side_config *c)
{
    size_t i = (size_t)mg_side_config_hash(c) & t->mask;
    while (t->slots[i] && !mg_side_config_same(t->slots[i], c)) i = (i + 1) & t->mask;
    if (!t->slots[i]) t->slots[i] = c;
    return t->slots[i];
}

mg_result mg_plan_share_configs(mg_plan *plan)
{
    size_t size = 64;
    while (size < plan->count * 4) size *= 2; /* at most 3 configs per case: under 3/4 full */
    config_table t = {calloc(size, sizeof *t.slots), size - 1};
    MG_ENSURE(t.slots, MG_E_INTERNAL, "out of memory sharing configs");
    for (size_t i = 0; i < plan->count; i++) {
        plan->cases[i].client = canonical(&t, plan->cases[i].client);
        plan->cases[i].server = canonical(&t, plan->cases[i].server);
        if (plan->cases[i].resume_server)
            plan->cases[i].resume_server = canonical(&t, plan->cases[i].resume_server);
    }
    free(t.slots);
    return MG_OK;
}
