#include "plan.h"

#include <stdlib.h>

void mg_plan_options_defaults(mg_plan_options *options)
{
    const char *env = getenv("MTLSGRID_SCENARIOS");
    options->scenarios_dir = env && *env ? env : MG_DEFAULT_SCENARIO_DIR;
}
