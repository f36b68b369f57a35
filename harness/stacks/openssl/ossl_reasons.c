#include "ossl_reasons.h"
#include "ossl_compat.h"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <stdio.h>

#define R(code, reason) {X509_V_ERR_##code, MG_REASON_##reason}

/* Every X509_V_ERR_* of OpenSSL 3.0. Codes with no shared reason are listed as OTHER on
 * purpose, so that a code absent from this table is one nobody looked at.
 * Decisions worth knowing:
 * - an issuer without keyCertSign (KEYUSAGE_NO_CERTSIGN) is invalid-ca, not bad-key-usage:
 *   RFC 5280 6.1.4 (n) makes it a condition on the CA, as basicConstraints is; bad-key-usage
 *   is kept for the end entity's own key usage;
 * - a CRL that is expired, not yet valid, unsigned by its CA or unverifiable leaves the
 *   status undetermined (RFC 5280 6.3.3): revocation-unknown, never revoked;
 * - every way of not reaching a trust anchor (no issuer, self-signed, untrusted) is unknown-ca;
 * - the OCSP codes are what this backend records for a stapled response it refuses. */
static const mg_ossl_reason_entry verify_reasons[] = {
    R(UNSPECIFIED, OTHER),
    R(UNABLE_TO_GET_ISSUER_CERT, UNKNOWN_CA),
    R(UNABLE_TO_GET_CRL, REVOCATION_UNKNOWN),
    R(UNABLE_TO_DECRYPT_CERT_SIGNATURE, BAD_SIGNATURE),
    R(UNABLE_TO_DECRYPT_CRL_SIGNATURE, REVOCATION_UNKNOWN),
    R(UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY, BAD_SIGNATURE),
    R(CERT_SIGNATURE_FAILURE, BAD_SIGNATURE),
    R(CRL_SIGNATURE_FAILURE, REVOCATION_UNKNOWN),
    R(CERT_NOT_YET_VALID, NOT_YET_VALID),
    R(CERT_HAS_EXPIRED, EXPIRED),
    R(CRL_NOT_YET_VALID, REVOCATION_UNKNOWN),
    R(CRL_HAS_EXPIRED, REVOCATION_UNKNOWN),
    R(ERROR_IN_CERT_NOT_BEFORE_FIELD, OTHER),
    R(ERROR_IN_CERT_NOT_AFTER_FIELD, OTHER),
    R(ERROR_IN_CRL_LAST_UPDATE_FIELD, REVOCATION_UNKNOWN),
    R(ERROR_IN_CRL_NEXT_UPDATE_FIELD, REVOCATION_UNKNOWN),
    R(OUT_OF_MEM, OTHER),
    R(DEPTH_ZERO_SELF_SIGNED_CERT, UNKNOWN_CA),
    R(SELF_SIGNED_CERT_IN_CHAIN, UNKNOWN_CA),
    R(UNABLE_TO_GET_ISSUER_CERT_LOCALLY, UNKNOWN_CA),
    R(UNABLE_TO_VERIFY_LEAF_SIGNATURE, UNKNOWN_CA),
    R(CERT_CHAIN_TOO_LONG, PATH_LENGTH),
    R(CERT_REVOKED, REVOKED),
    R(NO_ISSUER_PUBLIC_KEY, INVALID_CA),
    R(PATH_LENGTH_EXCEEDED, PATH_LENGTH),
    R(INVALID_PURPOSE, BAD_PURPOSE),
    R(CERT_UNTRUSTED, UNKNOWN_CA),
    R(CERT_REJECTED, UNKNOWN_CA),
    R(SUBJECT_ISSUER_MISMATCH, UNKNOWN_CA),
    R(AKID_SKID_MISMATCH, UNKNOWN_CA),
    R(AKID_ISSUER_SERIAL_MISMATCH, UNKNOWN_CA),
    R(KEYUSAGE_NO_CERTSIGN, INVALID_CA),
    R(UNABLE_TO_GET_CRL_ISSUER, REVOCATION_UNKNOWN),
    R(UNHANDLED_CRITICAL_EXTENSION, CRITICAL_EXTENSION),
    R(KEYUSAGE_NO_CRL_SIGN, REVOCATION_UNKNOWN),
    R(UNHANDLED_CRITICAL_CRL_EXTENSION, REVOCATION_UNKNOWN),
    R(INVALID_NON_CA, INVALID_CA),
    R(PROXY_PATH_LENGTH_EXCEEDED, PATH_LENGTH),
    R(KEYUSAGE_NO_DIGITAL_SIGNATURE, BAD_KEY_USAGE),
    R(PROXY_CERTIFICATES_NOT_ALLOWED, OTHER),
    R(INVALID_EXTENSION, OTHER),
    R(INVALID_POLICY_EXTENSION, OTHER),
    R(NO_EXPLICIT_POLICY, OTHER),
    R(DIFFERENT_CRL_SCOPE, REVOCATION_UNKNOWN),
    R(UNSUPPORTED_EXTENSION_FEATURE, OTHER),
    R(UNNESTED_RESOURCE, OTHER),
    R(PERMITTED_VIOLATION, NAME_CONSTRAINTS),
    R(EXCLUDED_VIOLATION, NAME_CONSTRAINTS),
    R(SUBTREE_MINMAX, NAME_CONSTRAINTS),
    R(APPLICATION_VERIFICATION, OTHER),
    R(UNSUPPORTED_CONSTRAINT_TYPE, NAME_CONSTRAINTS),
    R(UNSUPPORTED_CONSTRAINT_SYNTAX, NAME_CONSTRAINTS),
    R(UNSUPPORTED_NAME_SYNTAX, NAME_CONSTRAINTS),
    R(CRL_PATH_VALIDATION_ERROR, REVOCATION_UNKNOWN),
    R(PATH_LOOP, OTHER),
    R(SUITE_B_INVALID_VERSION, INSECURE_ALGORITHM),
    R(SUITE_B_INVALID_ALGORITHM, INSECURE_ALGORITHM),
    R(SUITE_B_INVALID_CURVE, INSECURE_ALGORITHM),
    R(SUITE_B_INVALID_SIGNATURE_ALGORITHM, INSECURE_ALGORITHM),
    R(SUITE_B_LOS_NOT_ALLOWED, INSECURE_ALGORITHM),
    R(SUITE_B_CANNOT_SIGN_P_384_WITH_P_256, INSECURE_ALGORITHM),
    R(HOSTNAME_MISMATCH, HOSTNAME_MISMATCH),
    R(EMAIL_MISMATCH, HOSTNAME_MISMATCH),
    R(IP_ADDRESS_MISMATCH, HOSTNAME_MISMATCH),
    R(DANE_NO_MATCH, OTHER),
    R(EE_KEY_TOO_SMALL, INSECURE_ALGORITHM),
    R(CA_KEY_TOO_SMALL, INSECURE_ALGORITHM),
    R(CA_MD_TOO_WEAK, INSECURE_ALGORITHM),
    R(INVALID_CALL, OTHER),
    R(STORE_LOOKUP, OTHER),
    R(NO_VALID_SCTS, OTHER),
    R(PROXY_SUBJECT_NAME_VIOLATION, OTHER),
    R(OCSP_VERIFY_NEEDED, REVOCATION_UNKNOWN),
    R(OCSP_VERIFY_FAILED, REVOCATION_UNKNOWN),
    R(OCSP_CERT_UNKNOWN, REVOCATION_UNKNOWN),
    R(UNSUPPORTED_SIGNATURE_ALGORITHM, INSECURE_ALGORITHM),
    R(SIGNATURE_ALGORITHM_MISMATCH, BAD_SIGNATURE),
    R(SIGNATURE_ALGORITHM_INCONSISTENCY, BAD_SIGNATURE),
    R(INVALID_CA, INVALID_CA),
    R(PATHLEN_INVALID_FOR_NON_CA, INVALID_CA),
    R(PATHLEN_WITHOUT_KU_KEY_CERT_SIGN, INVALID_CA),
    R(KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA, BAD_KEY_USAGE),
    R(ISSUER_NAME_EMPTY, OTHER),
    R(SUBJECT_NAME_EMPTY, OTHER),
    R(MISSING_AUTHORITY_KEY_IDENTIFIER, OTHER),
    R(MISSING_SUBJECT_KEY_IDENTIFIER, OTHER),
    R(EMPTY_SUBJECT_ALT_NAME, OTHER),
    R(EMPTY_SUBJECT_SAN_NOT_CRITICAL, OTHER),
    R(CA_BCONS_NOT_CRITICAL, INVALID_CA),
    R(AUTHORITY_KEY_IDENTIFIER_CRITICAL, OTHER),
    R(SUBJECT_KEY_IDENTIFIER_CRITICAL, OTHER),
    R(CA_CERT_MISSING_KEY_USAGE, INVALID_CA),
    R(EXTENSIONS_REQUIRE_VERSION_3, OTHER),
    R(EC_KEY_EXPLICIT_PARAMS, INSECURE_ALGORITHM),
};

#undef R
#define R(code, reason) {SSL_R_##code, MG_REASON_##reason}

/* SSL-library failures that are this side's refusal of the peer's credential; any other
 * failure is a protocol failure, not a rejection. */
static const mg_ossl_reason_entry ssl_reasons[] = {
    R(PEER_DID_NOT_RETURN_A_CERTIFICATE, NO_CERTIFICATE), /* server, peer check required */
    R(NO_CERTIFICATES_RETURNED, NO_CERTIFICATE),          /* client: empty server chain */
    R(BAD_SIGNATURE, BAD_SIGNATURE),                      /* CertificateVerify fails */
    R(WRONG_SIGNATURE_TYPE, BAD_SIGNATURE),               /* signed with another key type */
    R(WRONG_SIGNATURE_LENGTH, BAD_SIGNATURE),
    R(WRONG_SIGNATURE_SIZE, BAD_SIGNATURE),
};

#undef R

const mg_ossl_reason_entry *mg_ossl_verify_reason_table(size_t *count)
{
    *count = sizeof verify_reasons / sizeof verify_reasons[0];
    return verify_reasons;
}

const mg_ossl_reason_entry *mg_ossl_ssl_reason_table(size_t *count)
{
    *count = sizeof ssl_reasons / sizeof ssl_reasons[0];
    return ssl_reasons;
}

static const mg_ossl_reason_entry *find(const mg_ossl_reason_entry *table, size_t count,
                                        long code)
{
    for (size_t i = 0; i < count; i++)
        if (table[i].code == code) return &table[i];
    return NULL;
}

mg_reason mg_ossl_verify_reason(long code)
{
    size_t count;
    const mg_ossl_reason_entry *table = mg_ossl_verify_reason_table(&count);
    const mg_ossl_reason_entry *hit = find(table, count, code);
    return hit ? hit->reason : MG_REASON_OTHER;
}

bool mg_ossl_ssl_rejection_reason(int ssl_reason, mg_reason *out)
{
    size_t count;
    const mg_ossl_reason_entry *table = mg_ossl_ssl_reason_table(&count);
    const mg_ossl_reason_entry *hit = find(table, count, ssl_reason);
    if (hit) *out = hit->reason;
    return hit != NULL;
}

void mg_ossl_describe_verify_error(long code, int depth, char *buf, size_t len)
{
    const char *text = X509_verify_cert_error_string(code);
    if (depth >= 0)
        snprintf(buf, len, "X509_V_ERR %ld at depth %d: %s", code, depth, text);
    else
        snprintf(buf, len, "X509_V_ERR %ld: %s", code, text);
}
