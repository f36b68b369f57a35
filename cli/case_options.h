/* The options that select cases, shared by list and run (and later commands). */
#ifndef MG_CASE_OPTIONS_H
#define MG_CASE_OPTIONS_H

#include "command.h"
#include "plan.h"

#define MG_CASE_OPTION_ROWS(type)                                                                  \
    {"filter", OPT_STRING, offsetof(type, plan.filter), "GLOB",                                    \
     "case ids to keep (comma-separated globs), e.g. 'client-eku-*/*/tls1.3/*'"},                  \
    {"stacks", OPT_STRING, offsetof(type, plan.stacks), "a,b",                                \
     "stacks (default: every stack built in, see mtlsgrid stacks)"}, \
    {"tls", OPT_STRING, offsetof(type, plan.tls), "1.2,1.3", "TLS versions (default both)"},       \
    {"policy", OPT_STRING, offsetof(type, plan.policies), "strict,minimal",                        \
     "policies (default both)"},                                                                   \
    {"shard", OPT_STRING, offsetof(type, plan.shard), "K/N",                                       \
     "keep the K-th of N disjoint parts of the cases (CI split across machines)"},                 \
    {"scenarios", OPT_STRING, offsetof(type, plan.scenarios_dir), "DIR",                           \
     "scenario folder (default: the built-in catalogue)"}

#endif
