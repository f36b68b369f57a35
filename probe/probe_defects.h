/* The defect set as data: what each case presents, what a gateway must do with it, and what it
 * means in plain words when the gateway does otherwise (the audit). */
#ifndef MG_PROBE_DEFECTS_H
#define MG_PROBE_DEFECTS_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    MG_PROBE_SEND_CHAIN, /* the leaf and its issuers below the given CA (chain.pem) */
    MG_PROBE_SEND_LEAF,  /* the leaf alone (cert.pem) */
    MG_PROBE_SEND_NONE,  /* no certificate at all */
} mg_probe_send;

typedef enum {
    MG_PROBE_MUST_REJECT,
    MG_PROBE_MUST_ACCEPT,
    MG_PROBE_EITHER, /* the standards allow both (RFC 5280 4.2.1.12 on EKU) */
} mg_probe_expect;

typedef struct {
    const char *id;       /* case ids read probe-ID/...; "control" is the control */
    const char *artifact; /* the generator's artifact (gen/profiles_probe.c); NULL: none */
    mg_probe_send send;
    mg_probe_expect expect;
    bool needs_pathlen;   /* only when the intermediate has pathLenConstraint 0 */
    bool sni_bypass;      /* SNI of --servername, Host of the URL (only with --servername) */
    const char *summary;  /* what is presented, for people */
    const char *finding;  /* the audit line when the gateway does not do what it must */
    const char *reason;   /* the rejection it calls for, in the shared vocabulary ("": none) */
} mg_probe_defect;

extern const mg_probe_defect mg_probe_defects[];
extern const size_t mg_probe_defect_count;

const mg_probe_defect *mg_probe_defect_find(const char *id);

#endif
