/* Which cause each X509_verify_cert error is, at the leaf and above it (data). An error that
 * is not listed is "chain-other", with OpenSSL's words in the detail. */
#include "chain_internal.h"

#include <openssl/x509_vfy.h>

static const struct {
    int error;
    const char *leaf_cause; /* depth 0 */
    const char *ca_cause;   /* depth 1 or more; NULL: not a problem there */
    const char *covered_by;
} chain_causes[] = {
    {X509_V_ERR_CERT_HAS_EXPIRED, "expired", "chain-expired", "expired"},
    {X509_V_ERR_CERT_NOT_YET_VALID, "not-yet-valid", "chain-not-yet-valid", "not-yet-valid"},
    {X509_V_ERR_INVALID_PURPOSE, "eku-wrong-purpose", "intermediate-eku",
     "eku-wrong-purpose eku-any-only ku-no-digital-signature ku-refused-client-purpose"},
    /* Whether a leaf's unknown issuer is a missing intermediate or an untrusted CA, its bytes
     * cannot tell: the detail names the issuer and the file (chain_issuer.c). */
    {X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, "issuer-unknown", "untrusted-root", ""},
    {X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT, "issuer-unknown", "untrusted-root", ""},
    {X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, "issuer-unknown", "untrusted-root", ""},
    {X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, "self-signed", "self-signed", ""},
    {X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, "untrusted-root", "untrusted-root", ""},
    {X509_V_ERR_CERT_REVOKED, "revoked", "chain-revoked", "revoked"},
    /* With CRL checks on, nginx (ssl_crl) and s_server -crl_check_all want a CRL from every
     * CA of the chain: a CA without one refuses the chain ("unable to get certificate CRL"). */
    {X509_V_ERR_UNABLE_TO_GET_CRL, "crl-missing", "crl-missing", ""},
    {X509_V_ERR_CRL_HAS_EXPIRED, "crl-expired", "crl-expired", ""},
    {X509_V_ERR_CRL_NOT_YET_VALID, "crl-not-yet-valid", "crl-not-yet-valid", ""},
    {X509_V_ERR_CRL_SIGNATURE_FAILURE, "crl-bad-signature", "crl-bad-signature", ""},
    {X509_V_ERR_CERT_SIGNATURE_FAILURE, "bad-signature", "bad-signature", ""},
    {X509_V_ERR_INVALID_CA, "ca-invalid", "ca-invalid", ""},
    {X509_V_ERR_KEYUSAGE_NO_CERTSIGN, "ca-invalid", "ca-invalid", ""},
    {X509_V_ERR_PATH_LENGTH_EXCEEDED, "path-length", "path-length", ""},
    {X509_V_ERR_PERMITTED_VIOLATION, "name-constraints", "name-constraints", ""},
    {X509_V_ERR_EXCLUDED_VIOLATION, "name-constraints", "name-constraints", ""},
    {X509_V_ERR_SUBTREE_MINMAX, "name-constraints", "name-constraints", ""},
    {X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE, "name-constraints", "name-constraints", ""},
    {X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX, "name-constraints", "name-constraints", ""},
    {X509_V_ERR_UNSUPPORTED_NAME_SYNTAX, "name-constraints", "name-constraints", ""},
    {X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION, "critical-extension", "critical-extension",
     "critical-extension"},
    {X509_V_ERR_EE_KEY_TOO_SMALL, "weak-key", "weak-key", "weak-key"},
    {X509_V_ERR_CA_KEY_TOO_SMALL, "weak-key", "weak-key", "weak-key"},
    {X509_V_ERR_CA_MD_TOO_WEAK, "weak-signature", "weak-signature", "weak-signature"},
    {X509_V_ERR_NO_EXPLICIT_POLICY, "policy", "policy", ""},
};

mg_chain_cause mg_chain_cause_of(int error, int depth)
{
    for (size_t i = 0; i < sizeof chain_causes / sizeof chain_causes[0]; i++) {
        if (chain_causes[i].error != error) continue;
        if (depth > 0) return (mg_chain_cause){chain_causes[i].ca_cause, ""};
        return (mg_chain_cause){chain_causes[i].leaf_cause, chain_causes[i].covered_by};
    }
    return (mg_chain_cause){"chain-other", ""};
}
