/* GnuTLS's verification status bits (gnutls_certificate_status_t) in the shared vocabulary:
 * one table, in priority order, so that a status with several bits set gives the most telling
 * reason and a bit missing from the table is visible as `other`, never hidden by a default. */
#ifndef MG_GNUTLS_REASONS_H
#define MG_GNUTLS_REASONS_H

#include "stack.h"

#include <stddef.h>

typedef struct {
    unsigned bit;      /* one GNUTLS_CERT_* bit */
    mg_reason reason;
    const char *name;  /* the constant's name, for tests and people */
} mg_gnutls_status_reason;

/* Every bit of gnutls_certificate_status_t in GnuTLS 3.7, most telling first. */
extern const mg_gnutls_status_reason mg_gnutls_status_reasons[];
extern const size_t mg_gnutls_status_reason_count;

/* The reason of the first table entry whose bit is in `status`; MG_REASON_OTHER when none. */
mg_reason mg_gnutls_reason_from_status(unsigned status);

/* A rejection for `status`: state REJECTED_PEER, the reason, native_code = the mask and
 * native_text = "status 0x...: " plus GnuTLS's own description of it. */
void mg_gnutls_status_outcome(unsigned status, mg_side_outcome *out);

#endif
