#ifndef MG_PLAN_SHARE_H
#define MG_PLAN_SHARE_H

#include "plan.h"

/* Points every case side at the first config that reads the same (plan_share.c). */
MG_RESULT mg_plan_share_configs(mg_plan *plan);

#endif
