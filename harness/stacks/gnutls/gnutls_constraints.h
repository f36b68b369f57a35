/* GnuTLS reports a pathlen violation, a name-constraints violation and an issuer without
 * keyCertSign with the same bit, GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE. This tells them apart
 * by looking at the peer's chain (plus the trusted issuer of its top) with GnuTLS's own
 * parsers: name constraints first, then the issuers' key usage (invalid-ca, as RFC 5280
 * 6.1.4 (n) makes keyCertSign a condition on the CA like basicConstraints), else path length. */
#ifndef MG_GNUTLS_CONSTRAINTS_H
#define MG_GNUTLS_CONSTRAINTS_H

#include "outcome.h"

#include <gnutls/gnutls.h>

/* `fallback` when neither name constraints nor key usage explain the failure. */
mg_reason mg_gnutls_constraint_reason(gnutls_session_t tls, mg_reason fallback);

#endif
