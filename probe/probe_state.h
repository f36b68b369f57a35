/* What one probe run holds, shared by the files of probe/ (not part of its API). */
#ifndef MG_PROBE_STATE_H
#define MG_PROBE_STATE_H

#include "probe.h"
#include "probe_case.h"

typedef struct {
    mg_probe_options o;
    mg_probe_url url;
    char host_header[300];
    mg_probe_rules rules;
    const mg_stack *stack;
    mg_tls_version tls[2];
    size_t tls_count;
    double timeout;
    unsigned jobs;
    const char *server_trust;
    char dir[4096];       /* the private folder the set is issued into */
    bool pathlen_limited; /* the intermediate has pathLenConstraint 0 */
    mg_probe_case *cases;
    size_t count;
    double wall_seconds;
} mg_probe_state;

static inline bool mg_probe_is_control(const mg_probe_case *c)
{
    return c->defect == &mg_probe_defects[0];
}


/* --crl-out: the CRLs of the set, written whole; an existing file is replaced only when it is
 * a PEM CRL (an earlier --crl-out), never anything else of the user's. */
MG_RESULT mg_probe_write_crl(const mg_probe_state *s);

/* Grades the cases, prints the grid and the audit, writes the reports; *exit_code 0 or 1. */
MG_RESULT mg_probe_report(const mg_probe_state *s, int *exit_code);

#endif
