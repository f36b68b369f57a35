#include "gnutls_reasons.h"

#include <gnutls/gnutls.h>

#include <stdio.h>
#include <string.h>

#define ENTRY(bit, reason) {GNUTLS_CERT_##bit, MG_REASON_##reason, "GNUTLS_CERT_" #bit}

/* Priority: what makes the chain untrustworthy outright (revoked, no path to a trusted CA,
 * a broken or weak signature) before what concerns the certificate's use (time, purpose,
 * name), then revocation data we could not use, then GnuTLS's generic companion bit. */
const mg_gnutls_status_reason mg_gnutls_status_reasons[] = {
    ENTRY(REVOKED, REVOKED),
    ENTRY(SIGNER_NOT_FOUND, UNKNOWN_CA),
    ENTRY(SIGNER_NOT_CA, INVALID_CA),
    ENTRY(INSECURE_ALGORITHM, INSECURE_ALGORITHM), /* before SIGNATURE_FAILURE it implies */
    ENTRY(SIGNATURE_FAILURE, BAD_SIGNATURE),
    ENTRY(UNKNOWN_CRIT_EXTENSIONS, CRITICAL_EXTENSION),
    /* Set for a pathlen violation, a name-constraints violation and a signer without
     * keyCertSign alike; gnutls_constraints.c tells which from the chain. */
    ENTRY(SIGNER_CONSTRAINTS_FAILURE, PATH_LENGTH),
    ENTRY(EXPIRED, EXPIRED),
    ENTRY(NOT_ACTIVATED, NOT_YET_VALID),
    ENTRY(PURPOSE_MISMATCH, BAD_PURPOSE),
    ENTRY(UNEXPECTED_OWNER, HOSTNAME_MISMATCH),
    ENTRY(MISSING_OCSP_STATUS, REVOCATION_UNKNOWN),
    ENTRY(INVALID_OCSP_STATUS, REVOCATION_UNKNOWN),
    ENTRY(REVOCATION_DATA_SUPERSEDED, REVOCATION_UNKNOWN),
    ENTRY(REVOCATION_DATA_ISSUED_IN_FUTURE, REVOCATION_UNKNOWN),
    /* Trust-on-first-use mismatch (gnutls_verify_stored_pubkey): no shared reason fits. */
    ENTRY(MISMATCH, OTHER),
    /* Set beside every other bit; alone it names no cause. */
    ENTRY(INVALID, OTHER),
};

const size_t mg_gnutls_status_reason_count =
    sizeof mg_gnutls_status_reasons / sizeof mg_gnutls_status_reasons[0];

mg_reason mg_gnutls_reason_from_status(unsigned status)
{
    for (size_t i = 0; i < mg_gnutls_status_reason_count; i++)
        if (status & mg_gnutls_status_reasons[i].bit) return mg_gnutls_status_reasons[i].reason;
    return MG_REASON_OTHER;
}

void mg_gnutls_status_outcome(unsigned status, mg_side_outcome *out)
{
    out->state = MG_SIDE_REJECTED_PEER;
    out->reason = mg_gnutls_reason_from_status(status);
    out->native_code = (long)status;
    int n = snprintf(out->native_text, sizeof out->native_text, "status 0x%x: ", status);
    gnutls_datum_t text = {NULL, 0};
    if (n > 0 && (size_t)n < sizeof out->native_text &&
        gnutls_certificate_verification_status_print(status, GNUTLS_CRT_X509, &text, 0) == 0) {
        snprintf(out->native_text + n, sizeof out->native_text - (size_t)n, "%s",
                 (const char *)text.data);
    }
    gnutls_free(text.data);
}
