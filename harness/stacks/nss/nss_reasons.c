#include "nss_reasons.h"

#include <prerror.h>
#include <secerr.h>
#include <sslerr.h>

#include <stdio.h>

#define V(code, reason) {code, MG_REASON_##reason, false, #code}
#define H(code, reason) {code, MG_REASON_##reason, true, #code}

/* V: what NSS 3.87's verifiers (CERT_VerifyCert, CERT_PKIXVerifyCert, CERT_VerifyCertName,
 * CERT_CacheOCSPResponseFromSideChannel) and the backend's own strict checks hand back from
 * the auth hook; H: refusals of the peer that the handshake raises itself as well (a
 * CertificateVerify that does not verify, no certificate though one was required). Decisions worth
 * knowing:
 * - every way of not reaching a trust anchor (unknown, untrusted issuer or certificate) is
 *   unknown-ca;
 * - NSS says SEC_ERROR_EXPIRED_CERTIFICATE for a certificate not yet valid as well
 *   (lib/certhigh/certvfy.c: any secCertTimeNotValidYet or Expired), so both read expired;
 * - a CRL that is missing, stale, not yet valid or does not verify leaves the status
 *   undetermined (RFC 5280 6.3.3): revocation-unknown;
 * - SEC_ERROR_INADEQUATE_CERT_TYPE is NSS's word for a wrong extended key usage (the Netscape
 *   certificate type NSS derives from it, cert_ComputeCertType): bad-purpose;
 * - SEC_ERROR_INVALID_KEY is a signing or leaf key below the strict minimum. */
static const mg_nss_reason_entry reasons[] = {
    V(SEC_ERROR_UNKNOWN_ISSUER, UNKNOWN_CA),
    V(SEC_ERROR_UNTRUSTED_ISSUER, UNKNOWN_CA),
    V(SEC_ERROR_UNTRUSTED_CERT, UNKNOWN_CA),
    V(SEC_ERROR_CA_CERT_INVALID, INVALID_CA),
    V(SEC_ERROR_EXPIRED_CERTIFICATE, EXPIRED),
    V(SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE, EXPIRED),
    V(SEC_ERROR_INVALID_TIME, OTHER),
    H(SEC_ERROR_BAD_DER, OTHER), /* a peer certificate's key NSS cannot decode */
    V(SEC_ERROR_EXTENSION_VALUE_INVALID, OTHER),
    H(SEC_ERROR_BAD_SIGNATURE, BAD_SIGNATURE), /* a chain's or a CertificateVerify's */
    V(SEC_ERROR_REVOKED_CERTIFICATE, REVOKED),
    V(SEC_ERROR_REVOKED_CERTIFICATE_CRL, REVOKED),
    V(SEC_ERROR_REVOKED_CERTIFICATE_OCSP, REVOKED),
    V(SEC_ERROR_CRL_EXPIRED, REVOCATION_UNKNOWN),
    V(SEC_ERROR_CRL_NOT_YET_VALID, REVOCATION_UNKNOWN),
    V(SEC_ERROR_CRL_BAD_SIGNATURE, REVOCATION_UNKNOWN),
    V(SEC_ERROR_CRL_INVALID, REVOCATION_UNKNOWN),
    V(SEC_ERROR_CRL_NOT_FOUND, REVOCATION_UNKNOWN),
    V(SEC_ERROR_OLD_CRL, REVOCATION_UNKNOWN),
    V(SEC_ERROR_CRL_UNKNOWN_CRITICAL_EXTENSION, REVOCATION_UNKNOWN),
    V(SEC_ERROR_OCSP_UNKNOWN_CERT, REVOCATION_UNKNOWN),
    V(SEC_ERROR_OCSP_OLD_RESPONSE, REVOCATION_UNKNOWN),
    V(SEC_ERROR_OCSP_FUTURE_RESPONSE, REVOCATION_UNKNOWN),
    V(SEC_ERROR_OCSP_MALFORMED_RESPONSE, REVOCATION_UNKNOWN),
    V(SEC_ERROR_OCSP_UNAUTHORIZED_RESPONSE, REVOCATION_UNKNOWN),
    V(SEC_ERROR_OCSP_UNKNOWN_RESPONSE_STATUS, REVOCATION_UNKNOWN),
    V(SEC_ERROR_OCSP_INVALID_SIGNING_CERT, REVOCATION_UNKNOWN),
    V(SEC_ERROR_OCSP_RESPONDER_CERT_INVALID, REVOCATION_UNKNOWN),
    V(SEC_ERROR_OCSP_BAD_SIGNATURE, REVOCATION_UNKNOWN),
    V(SEC_ERROR_INADEQUATE_KEY_USAGE, BAD_KEY_USAGE),
    V(SEC_ERROR_INADEQUATE_CERT_TYPE, BAD_PURPOSE),
    V(SEC_ERROR_PATH_LEN_CONSTRAINT_INVALID, PATH_LENGTH),
    V(SEC_ERROR_CERT_NOT_IN_NAME_SPACE, NAME_CONSTRAINTS),
    V(SEC_ERROR_UNKNOWN_CRITICAL_EXTENSION, CRITICAL_EXTENSION),
    V(SEC_ERROR_POLICY_VALIDATION_FAILED, OTHER),
    V(SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED, INSECURE_ALGORITHM),
    V(SEC_ERROR_SIGNATURE_ALGORITHM_DISABLED, INSECURE_ALGORITHM),
    V(SEC_ERROR_INVALID_KEY, INSECURE_ALGORITHM),
    V(SEC_ERROR_UNSUPPORTED_KEYALG, INSECURE_ALGORITHM),
    V(SEC_ERROR_UNSUPPORTED_ELLIPTIC_CURVE, INSECURE_ALGORITHM),
    V(SEC_ERROR_REUSED_ISSUER_AND_SERIAL, OTHER),
    V(SSL_ERROR_BAD_CERT_DOMAIN, HOSTNAME_MISMATCH),
    H(SSL_ERROR_BAD_CERTIFICATE, OTHER),
    H(SSL_ERROR_EXTRACT_PUBLIC_KEY_FAILURE, OTHER), /* e.g. explicit EC parameters */
    H(SSL_ERROR_NO_CERTIFICATE, NO_CERTIFICATE),      /* server, peer check required */
    H(SSL_ERROR_WEAK_SERVER_CERT_KEY, INSECURE_ALGORITHM),
    H(SSL_ERROR_RX_MALFORMED_CERTIFICATE, OTHER),     /* a certificate NSS cannot decode */
    H(SSL_ERROR_RX_MALFORMED_CERT_VERIFY, BAD_SIGNATURE),
};

#undef V
#undef H

const mg_nss_reason_entry *mg_nss_reason_table(size_t *count)
{
    *count = sizeof reasons / sizeof reasons[0];
    return reasons;
}

const mg_nss_reason_entry *mg_nss_reason_find(int code)
{
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
        if (reasons[i].code == code) return &reasons[i];
    return NULL;
}

mg_reason mg_nss_reason(int code)
{
    const mg_nss_reason_entry *hit = mg_nss_reason_find(code);
    return hit ? hit->reason : MG_REASON_OTHER;
}

void mg_nss_describe_error(int code, int depth, char *buf, size_t len)
{
    /* NSS's names and words exist once NSS is initialised; the table's name stands in before. */
    const mg_nss_reason_entry *hit = mg_nss_reason_find(code);
    const char *name = PR_ErrorToName(code);
    const char *text = PR_ErrorToString(code, PR_LANGUAGE_I_DEFAULT);
    if (!name) name = hit ? hit->name : "error";
    if (!text || !*text) text = "no text";
    if (depth >= 0)
        snprintf(buf, len, "%s (%d) at depth %d: %s", name, code, depth, text);
    else
        snprintf(buf, len, "%s (%d): %s", name, code, text);
}
