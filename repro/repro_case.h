/* The one case a repro bundle is about: a fresh wall-clock matrix (so stock tools agree
 * without faking time), the planner's configs for the case, and where they came from. */
#ifndef MG_REPRO_CASE_H
#define MG_REPRO_CASE_H

#include "plan.h"

typedef struct {
    char temp_dir[1024];     /* matrix/ and work/; removed by mg_repro_case_free */
    char case_id[512];
    mg_plan plan;
    const mg_case *c;       /* stacks and both side configs */
    const mg_case_key *key; /* scenario, TLS version, policy */
} mg_repro_case;

/* `id` is a case id (SCENARIO/CLIENT-SERVER/TLS/POLICY) or a bare scenario id, which means
 * its first TLS 1.3 strict case that the stacks can express (openssl-openssl when they all
 * can). An id naming no case, or several, is MG_E_USAGE. */
MG_RESULT mg_repro_case_resolve(const char *id, const char *scenarios_dir, mg_repro_case *out);
void mg_repro_case_free(mg_repro_case *rc);

/* The manifest entry of the certificate (or PKCS#12) a side presents; NULL when none. */
const mg_artifact *mg_repro_side_artifact(const mg_repro_case *rc, mg_role role);

#endif
