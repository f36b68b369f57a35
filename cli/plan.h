/* The case list: scenarios x client stack x server stack x TLS version x policy, filtered,
 * each side's config resolved from the scenario and the generator's manifest. This is the
 * wiring between scenarios/, gen/ and harness/, which know nothing of each other. */
#ifndef MG_PLAN_H
#define MG_PLAN_H

#include "manifest.h"
#include "runner.h"
#include "scenario.h"

typedef struct {
    const char *scenarios_dir;
    const char *filter;   /* comma-separated globs over case ids; NULL: all */
    const char *stacks;   /* comma-separated stack names; NULL: all built in */
    const char *tls;      /* "1.2,1.3" */
    const char *policies; /* "strict,minimal" */
    const char *shard;    /* "K/N": keep the K-th of N disjoint parts (1-based); NULL: all */
} mg_plan_options;

typedef struct {
    const mg_scenario *scenario;
    const mg_stack *client_stack, *server_stack;
    mg_tls_version tls;
    mg_policy policy;
} mg_case_key;

typedef struct {
    mg_scenario_set scenarios;
    mg_case_key *keys;     /* one per case, in case order */
    char **ids;
    size_t count;
    /* After mg_plan_resolve: */
    mg_case *cases;
    char **skip_texts;       /* why a case is skipped (NULL: it runs) */
    mg_side_config *configs; /* [scenario][role][tls][policy] */
    mg_strings paths;        /* composed files, kept alive for the configs */
    mg_manifest manifest;
    bool resolved;
} mg_plan;

/* Loads the scenarios and lists the case ids that pass the filters. */
MG_RESULT mg_plan_enumerate(const mg_plan_options *options, mg_plan *plan);

/* Checks every artifact name against the manifest in matrix_dir, writes each scenario's
 * composed credential, trust and CRL files under work_dir, and fills plan->cases. */
MG_RESULT mg_plan_resolve(mg_plan *plan, const char *matrix_dir, const char *work_dir);

/* Sets *why (allocated) when a stack of the case lacks a capability the case needs. */
MG_RESULT mg_plan_skip_reason(const mg_case_key *key, const mg_case *c, char **why);

const char *mg_tls_name(mg_tls_version tls);   /* "1.2" */
const char *mg_policy_name(mg_policy policy);  /* "strict" */

void mg_plan_free(mg_plan *plan);

#endif
