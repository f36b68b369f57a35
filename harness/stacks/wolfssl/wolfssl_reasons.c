/* wolfSSL's codes in the shared reason vocabulary (wolfssl_reasons.h); its own header brings
 * wolfssl/options.h first. */
#include "wolfssl_reasons.h"

#include <wolfssl/error-ssl.h>
#include <wolfssl/ssl.h>
#include <wolfssl/wolfcrypt/error-crypt.h>

#include <stdio.h>

#define V(code, reason) {code, MG_REASON_##reason, false, false, #code}
#define H(code, reason) {code, MG_REASON_##reason, true, false, #code}
#define O(code, reason) {code, MG_REASON_##reason, false, true, #code}

/* V: what wolfSSL 5.5.4's certificate verification (ParseCertRelative, the CRL and OCSP checks,
 * the name and key-usage checks of ProcessPeerCerts) hands the verify callback, or raises for a
 * peer certificate it cannot parse; H: refusals of the peer the handshake raises without the
 * callback seeing them; O: codes wolfSSL raises for this side's own credential as well.
 * Decisions worth knowing:
 * - every way of not reaching a trust anchor (no signer, self-signed) is unknown-ca;
 * - a CA without keyCertSign and a non-CA issuer are invalid-ca (RFC 5280 6.1.4 (k), (n));
 * - a CRL that is missing, stale or does not verify leaves the status undetermined
 *   (RFC 5280 6.3.3): wolfSSL says CRL_MISSING for all three (src/crl.c CheckCertCRL);
 * - wolfSSL signals a chain longer than the verify depth with MAX_CHAIN_ERROR: path-length;
 * - a certificate wolfSSL cannot parse is refused as such: other. */
static const mg_wolf_reason_entry reasons[] = {
    V(ASN_PARSE_E, OTHER),
    V(ASN_VERSION_E, OTHER),
    V(ASN_GETINT_E, OTHER),
    V(ASN_RSA_KEY_E, OTHER),
    V(ASN_OBJECT_ID_E, OTHER),
    V(ASN_TAG_NULL_E, OTHER),
    V(ASN_EXPECT_0_E, OTHER),
    V(ASN_BITSTR_E, OTHER),
    V(ASN_UNKNOWN_OID_E, OTHER),
    V(ASN_DATE_SZ_E, OTHER),
    V(ASN_BEFORE_DATE_E, NOT_YET_VALID),
    V(ASN_AFTER_DATE_E, EXPIRED),
    V(ASN_SIG_OID_E, BAD_SIGNATURE),
    V(ASN_TIME_E, OTHER),
    V(ASN_INPUT_E, OTHER),
    V(ASN_SIG_CONFIRM_E, BAD_SIGNATURE),
    V(ASN_SIG_HASH_E, INSECURE_ALGORITHM),
    V(ASN_SIG_KEY_E, INSECURE_ALGORITHM),
    V(ASN_CRIT_EXT_E, CRITICAL_EXTENSION),
    V(ASN_ALT_NAME_E, OTHER),
    V(ASN_ECC_KEY_E, OTHER),
    V(ECC_CURVE_OID_E, INSECURE_ALGORITHM),
    O(ASN_NO_SIGNER_E, UNKNOWN_CA), /* a stapling server's own certificate too */
    V(ASN_SELF_SIGNED_E, UNKNOWN_CA),
    V(ASN_NAME_INVALID_E, NAME_CONSTRAINTS),
    V(ASN_PATHLEN_SIZE_E, PATH_LENGTH),
    V(ASN_PATHLEN_INV_E, PATH_LENGTH),
    V(ASN_NO_SKID, OTHER),
    V(ASN_NO_AKID, OTHER),
    V(ASN_NO_KEYUSAGE, INVALID_CA),
    V(KEYUSAGE_E, INVALID_CA),
    V(EXTKEYUSAGE_E, BAD_PURPOSE),
    V(NOT_CA_ERROR, INVALID_CA),
    V(ASN_CRL_CONFIRM_E, REVOCATION_UNKNOWN),
    V(ASN_CRL_NO_SIGNER_E, REVOCATION_UNKNOWN),
    V(CRL_CERT_DATE_ERR, REVOCATION_UNKNOWN),
    V(CRL_MISSING, REVOCATION_UNKNOWN),
    V(CRL_CERT_REVOKED, REVOKED),
    V(OCSP_CERT_REVOKED, REVOKED),
    V(OCSP_CERT_UNKNOWN, REVOCATION_UNKNOWN),
    V(OCSP_LOOKUP_FAIL, REVOCATION_UNKNOWN),
    V(OCSP_INVALID_STATUS, REVOCATION_UNKNOWN),
    V(ASN_OCSP_CONFIRM_E, REVOCATION_UNKNOWN),
    V(BAD_OCSP_RESPONDER, REVOCATION_UNKNOWN),
    V(DOMAIN_NAME_MISMATCH, HOSTNAME_MISMATCH),
    V(IPADDR_MISMATCH, HOSTNAME_MISMATCH),
    V(KEYUSE_SIGNATURE_E, BAD_KEY_USAGE),
    V(KEYUSE_ENCIPHER_E, BAD_KEY_USAGE),
    V(EXTKEYUSE_AUTH_E, BAD_PURPOSE),
    O(RSA_KEY_SIZE_E, INSECURE_ALGORITHM), /* the minimum applies to own keys too */
    O(ECC_KEY_SIZE_E, INSECURE_ALGORITHM),
    V(MAX_CHAIN_ERROR, PATH_LENGTH),
    H(NO_PEER_CERT, NO_CERTIFICATE),     /* server, peer check required */
    H(VERIFY_SIGN_ERROR, BAD_SIGNATURE), /* CertificateVerify does not verify */
    H(SIG_VERIFY_E, BAD_SIGNATURE),
    H(BAD_CERTIFICATE_STATUS_ERROR, REVOCATION_UNKNOWN), /* the staple itself is refused */
};

#undef V
#undef H
#undef O

const mg_wolf_reason_entry *mg_wolf_reason_table(size_t *count)
{
    *count = sizeof reasons / sizeof reasons[0];
    return reasons;
}

const mg_wolf_reason_entry *mg_wolf_reason_find(int code)
{
    for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++)
        if (reasons[i].code == code) return &reasons[i];
    return NULL;
}

mg_reason mg_wolf_reason(int code)
{
    const mg_wolf_reason_entry *hit = mg_wolf_reason_find(code);
    return hit ? hit->reason : MG_REASON_OTHER;
}

void mg_wolf_describe_error(int code, int depth, char *buf, size_t len)
{
    const mg_wolf_reason_entry *hit = mg_wolf_reason_find(code);
    char text[WOLFSSL_MAX_ERROR_SZ];
    wolfSSL_ERR_error_string_n((unsigned long)(long)code, text, sizeof text);
    const char *name = hit ? hit->name : "error";
    if (depth >= 0)
        snprintf(buf, len, "%s (%d) at depth %d: %s", name, code, depth, text);
    else
        snprintf(buf, len, "%s (%d): %s", name, code, text);
}
