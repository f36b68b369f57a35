/* From limbo testcases to harness cases. A testcase becomes one case per client stack x server
 * stack x TLS version, id "TESTCASE/CLIENT-SERVER/tls1.3/strict"; the side that judges the
 * limbo chain (the client for SERVER testcases, the server for CLIENT ones) is the validator,
 * the other side presents. Policy is strict: every check the stacks offer, which is what a
 * path validator does. */
#ifndef MG_LIMBO_PLAN_H
#define MG_LIMBO_PLAN_H

#include "limbo_suite.h"
#include "plan.h"
#include "runner.h"

typedef struct {
    const char *filter; /* comma-separated globs over case ids; NULL: all */
    const char *stacks; /* comma-separated stack names (NULL: every stack built in) */
    const char *tls;    /* "1.2,1.3" (the default) */
} mg_limbo_options;

typedef struct {
    size_t testcase; /* index in the suite */
    const mg_stack *validator, *presenter;
    mg_tls_version tls;
} mg_limbo_case_key;

typedef struct {
    const mg_limbo_suite *suite;
    mg_plan_axes axes; /* the planner's axes; the policy is strict */
    mg_limbo_case_key *keys; /* one per case */
    char **ids;
    mg_case *cases;
    char **skip_texts;       /* why a case is skipped (NULL: it runs) */
    size_t count;
    mg_side_config *configs; /* [testcase][role][tls] */
    mg_strings paths;        /* written files, kept alive for the configs */
} mg_limbo_plan;

/* Lists the cases the filter keeps, writes each kept testcase's PEM files into
 * WORK/NNNN-ID/ and fills the side configs. The server credential of CLIENT testcases comes
 * from server_cert/server_key (see limbo_server_cert.h). */
MG_RESULT mg_limbo_plan_build(const mg_limbo_suite *suite, const mg_limbo_options *o,
                              const char *work_dir, const char *server_cert,
                              const char *server_key, mg_limbo_plan *plan);
void mg_limbo_plan_free(mg_limbo_plan *plan);

/* The validator's role for a testcase kind. */
mg_role mg_limbo_validator_role(mg_limbo_kind kind);

/* Internal to the plan (limbo_configs.c): one testcase's files and its four side configs
 * (&configs[role * 2 + tls index]). */
MG_RESULT mg_limbo_write_testcase(mg_limbo_plan *plan, size_t index, const char *work_dir,
                                  const char *server_cert, const char *server_key);

#endif
