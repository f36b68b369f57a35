#include "plan.h"

#include "data_dir.h"

#include <stdlib.h>

void mg_plan_options_defaults(mg_plan_options *options)
{
    const char *env = getenv("MTLSGRID_SCENARIOS");
    options->scenarios_dir = env && *env ? env : NULL;
}

mg_result mg_plan_scenarios_dir(const mg_plan_options *options, const char **dir)
{
    static char data[4096];
    *dir = options->scenarios_dir;
    if (*dir) return MG_OK;
    MG_GUARD(mg_data_dir(data, sizeof data));
    *dir = data;
    return MG_OK;
}
