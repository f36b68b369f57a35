/* The case list: scenarios x client stack x server stack x TLS version x policy, filtered,
 * each side's config resolved from the scenario and the generator's manifest. This is the
 * wiring between scenarios/, gen/ and harness/, which know nothing of each other. */
#ifndef MG_PLAN_H
#define MG_PLAN_H

#include "gen.h"
#include "manifest.h"
#include "registry.h"
#include "report.h"
#include "runner.h"
#include "scenario.h"

#include <stdio.h>

typedef struct {
    const char *scenarios_dir;
    const char *filter;   /* comma-separated globs over case ids; NULL: all */
    const char *stacks;   /* comma-separated stack names; NULL: all built in */
    const char *tls;      /* "1.2,1.3" */
    const char *policies; /* "strict,minimal" */
    const char *shard;    /* "K/N": keep the K-th of N disjoint parts (1-based); NULL: all */
} mg_plan_options;

/* The axes a run crosses: stacks x stacks x TLS versions x policies. */
typedef struct {
    const mg_stack *stacks[MG_STACK_MAX];
    size_t stack_count;
    mg_tls_version tls[2];
    size_t tls_count;
    mg_policy policies[2];
    size_t policy_count;
} mg_plan_axes;

/* --stacks, --tls and --policy (each NULL: every value); errors name the flag. */
MG_RESULT mg_plan_parse_axes(const char *stacks, const char *tls, const char *policies,
                             mg_plan_axes *axes);

/* Whether an id matches one of the globs (an empty list keeps everything). */
bool mg_plan_globs_keep(const mg_strings *globs, const char *id);

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
    bool whole; /* no filter, shard or axis narrowed: every case the build can run */
} mg_plan;

/* Fills the defaults: the scenario folder from MTLSGRID_SCENARIOS, or NULL for the data
 * folder (data_dir.h), found when the plan is enumerated. */
void mg_plan_options_defaults(mg_plan_options *options);

/* The scenario folder the options name: theirs, or the data folder. */
MG_RESULT mg_plan_scenarios_dir(const mg_plan_options *options, const char **dir);

/* Loads the scenarios and lists the case ids that pass the filters. */
MG_RESULT mg_plan_enumerate(const mg_plan_options *options, mg_plan *plan);

/* Checks every artifact name against the manifest in matrix_dir, writes each scenario's
 * composed credential, trust and CRL files under work_dir, and fills plan->cases. */
MG_RESULT mg_plan_resolve(mg_plan *plan, const char *matrix_dir, const char *work_dir);

/* Where a plan's matrix comes from: a generated one given (run and bench --matrix, the side
 * sources' --matrix), or one generated for the occasion. */
typedef struct {
    const char *matrix;     /* a generated matrix to use; NULL: generate one into DIR/matrix */
    const char *seed;       /* generating: the seed (NULL: the built-in one) */
    mg_time_mode time_mode; /* generating: pinned (the grid) or wall-clock (stock tools) */
} mg_plan_matrix_options;

typedef struct {
    char matrix[4096];     /* the matrix resolved against */
    bool generated;        /* whether it was generated (stats then says how long it took) */
    mg_gen_stats stats;
} mg_plan_matrix;

/* The first step of every pipeline from a plan to handshakes: takes or generates the matrix,
 * makes DIR/work and resolves the plan against them (mg_plan_resolve). */
MG_RESULT mg_plan_prepare(mg_plan *plan, const char *dir, const mg_plan_matrix_options *options,
                          mg_plan_matrix *out);

/* Sets *why (allocated) when a stack of the case lacks a capability the case needs. */
MG_RESULT mg_plan_skip_reason(const mg_case_key *key, const mg_case *c, char **why);

/* The same for any case: what each side's config needs, plus `*_extra` (MG_CAP_*), against
 * what its stack declares. The skip text names the stack, the role and the capability. */
MG_RESULT mg_case_skip_reason(const mg_case *c, unsigned client_extra, unsigned server_extra,
                              char **why);

/* The capabilities a side config needs of its stack (MG_CAP_*). */
unsigned mg_config_needs(const mg_side_config *config);


/* Checks every divergence record against what could be a case: a registered stack (built or
 * not), a peer glob that matches a registered stack, a scenario glob that matches a scenario.
 * MG_E_INPUT names the file, line and record. */
MG_RESULT mg_plan_check_divergences(const mg_scenario_set *set);

/* Records of a stack built in whose version glob does not match the version linked: they
 * apply to no case of this build. Says so on `out` (the first few; may be NULL), returns how
 * many. */
size_t mg_plan_divergences_off_version(const mg_scenario_set *set, FILE *out);

/* After grading a whole run (plan->whole), the records of a built stack at its linked version
 * that no case used: inert data, listed in report->unused (allocated; the caller frees it)
 * and said on standard output. A narrowed run lists none. */
MG_RESULT mg_plan_find_unused_divergences(const mg_plan *plan, mg_report *report);

/* Grades case `index` of the plan against its scenario and the divergence records, as it
 * ends: fills report->rows[index] (allocated by the caller, plan->count of them) and counts
 * its grade. */
void mg_plan_grade_case(const mg_plan *plan, size_t index, const mg_case_outcome *outcome,
                        mg_report *report);
/* The facts of case `index` that grading looks at (without its outcome). */
mg_case_facts mg_plan_case_facts(const mg_plan *plan, size_t index);

void mg_plan_free(mg_plan *plan);

#endif
