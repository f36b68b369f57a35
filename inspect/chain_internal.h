/* The chain check's parts: what X509_verify_cert reported, which cause each error is, and the
 * words for it. Internal to the chain check. */
#ifndef MG_CHAIN_INTERNAL_H
#define MG_CHAIN_INTERNAL_H

#include "inspect_internal.h"

/* One error reported during X509_verify_cert, with references held on what it is about. */
typedef struct {
    int error, depth;
    X509 *cert;    /* the certificate at that depth */
    X509 *issuer;  /* the one above it in the chain built so far; NULL at the top */
    X509_CRL *crl; /* for CRL errors: the CRL being checked */
} mg_chain_error;

/* Turns the errors X509_verify_cert reported (completed: it returned 1, which it does when
 * the callback excused every error) into problems, or a passed note naming the chain. */
MG_RESULT mg_chain_say(const mg_inspect_subject *s, X509_STORE_CTX *ctx, bool completed,
                       const mg_chain_error *errors, size_t count, mg_inspect_report *r);

/* The cause of a verify error at a depth; NULL when it is not a problem there (a missing CRL
 * for a CA: noted as not checked instead). covered_by: leaf causes that, already reported by
 * the leaf's own checks, make the error redundant at depth 0 (space-separated, may be ""). */
typedef struct {
    const char *cause;
    const char *covered_by;
} mg_chain_cause;

mg_chain_cause mg_chain_cause_of(int error, int depth);

/* Adds the problem for the error, with this chain's facts in the detail. */
MG_RESULT mg_chain_report(const mg_inspect_subject *s, const mg_chain_error *e, const char *cause,
                          mg_inspect_report *r);

/* The detail of a missing issuer: its name and key identifier, where it was looked for, and a
 * same-named CA with another key when --ca holds one. */
MG_RESULT mg_chain_report_missing_issuer(const mg_inspect_subject *s, const mg_chain_error *e,
                                         const char *cause, mg_inspect_report *r);

/* The detail of a revocation or CRL error; who: the subject of e->cert. */
MG_RESULT mg_chain_report_revocation(const mg_inspect_subject *s, const mg_chain_error *e,
                                     const char *cause, const char *who, mg_inspect_report *r);

/* "intermediate" or "root" (self-signed), for the words about a CA at depth 1 or more. */
const char *mg_chain_ca_word(X509 *cert);

#endif
