/* What wolfSSL 5.5.4 says for each inspect cause (inspect/inspect_causes.c): the error its
 * verification raises, by name and number, in the words of wolfSSL_ERR_error_string_n (what
 * an application built on wolfSSL prints), as a wolfSSL side of the matrix reports them.
 * Debian ships no wolfSSL command-line tool, so these are the library's words. One row per
 * cause, by its id. */
#include "tool_words.h"

#include <stddef.h>

#define NO_SIGNER "ASN_NO_SIGNER_E (-188) \"certificate verify failed\""
#define CRL_MISSING_WORDS "CRL_MISSING (-362) \"CRL missing, not loaded\""

const mg_tool_words mg_wolfssl_inspect_words[] = {
    {"eku-wrong-purpose",
     "EXTKEYUSE_AUTH_E (-386) \"Ext Key Use server/client auth not set Error\""},
    {"eku-any-only",
     "(accepted: wolfSSL takes anyExtendedKeyUsage for any purpose)"},
    {"ku-no-digital-signature",
     "KEYUSE_SIGNATURE_E (-383) \"Key Use digitalSignature not set Error\" (TLS 1.2 only: in "
     "TLS 1.3 wolfSSL does not check it)"},
    {"ku-refused-client-purpose",
     "KEYUSE_SIGNATURE_E (-383) \"Key Use digitalSignature not set Error\" (TLS 1.2 only: in "
     "TLS 1.3 wolfSSL does not check it)"},
    {"name-mismatch",
     "DOMAIN_NAME_MISMATCH (-322) \"peer subject name mismatch\" (an address: IPADDR_MISMATCH "
     "(-325) \"peer ip address mismatch\")"},
    {"name-cn-only",
     "(accepted: wolfSSL_check_domain_name falls back to the CN when there is no "
     "subjectAltName)"},
    {"ip-as-dns-name",
     "(accepted: wolfSSL compares the address as text with every subjectAltName, a dNSName "
     "too)"},
    {"expired",
     "ASN_AFTER_DATE_E (-151) \"ASN date error, current date after\""},
    {"not-yet-valid",
     "ASN_BEFORE_DATE_E (-150) \"ASN date error, current date before\""},
    {"chain-expired",
     "ASN_AFTER_DATE_E (-151) \"ASN date error, current date after\" (at depth 1 or more)"},
    {"chain-not-yet-valid",
     "ASN_BEFORE_DATE_E (-150) \"ASN date error, current date before\" (at depth 1 or more)"},
    {"missing-intermediate", NO_SIGNER},
    {"issuer-unknown", NO_SIGNER},
    {"untrusted-root", NO_SIGNER},
    {"self-signed",
     "ASN_SELF_SIGNED_E (-275) \"ASN self-signed certificate error\""},
    {"revoked",
     "CRL_CERT_REVOKED (-361) \"CRL Cert revoked\" (stapled OCSP: OCSP_CERT_REVOKED (-360) "
     "\"OCSP Cert revoked\")"},
    {"chain-revoked",
     "CRL_CERT_REVOKED (-361) \"CRL Cert revoked\" (at depth 1 or more)"},
    {"crl-missing", CRL_MISSING_WORDS},
    {"crl-expired",
     CRL_MISSING_WORDS " (wolfSSL reports a CRL past its nextUpdate as missing)"},
    {"crl-not-yet-valid",
     "(accepted: wolfSSL does not check a CRL's thisUpdate)"},
    {"crl-bad-signature",
     CRL_MISSING_WORDS " (wolfSSL reports a CRL whose signature fails as missing)"},
    {"bad-signature",
     "ASN_SIG_CONFIRM_E (-155) \"ASN sig error, confirm failure\""},
    {"ca-invalid",
     NO_SIGNER " (wolfSSL does not add a non-CA or a CA without keyCertSign as a signer, so the "
     "certificate below it finds none)"},
    {"path-length",
     "ASN_PATHLEN_INV_E (-238) \"ASN CA path length larger than signer error\" (past the "
     "verify depth: MAX_CHAIN_ERROR (-368) \"Maximum Chain Depth Exceeded\")"},
    {"name-constraints",
     "ASN_NAME_INVALID_E (-198) \"Name Constraint error\" (an excluded subtree; a name outside a "
     "permitted one is accepted when it ends in the permitted name)"},
    {"intermediate-eku",
     "(accepted: wolfSSL checks the extended key usage of the leaf only)"},
    {"weak-key",
     "RSA_KEY_SIZE_E (-409) \"RSA key too small\" (ECC: ECC_KEY_SIZE_E (-410) \"ECC key too "
     "small\"; only under wolfSSL_CTX_SetMinRsaKey_Sz/SetMinEccKey_Sz above the 1024-bit RSA "
     "default)"},
    {"weak-signature",
     "(accepted: wolfSSL verifies SHA-1 signatures; no setting refuses them)"},
    {"critical-extension",
     "ASN_CRIT_EXT_E (-160) \"X.509 Critical extension ignored or invalid\""},
    {"policy",
     "(accepted: wolfSSL does not enforce requireExplicitPolicy)"},
    {"chain-other",
     "ASN_PARSE_E (-140) \"ASN parsing error, invalid input\" (or the error of the first "
     "certificate that fails, the chain's top first)"},
    {"key-mismatch",
     "(not always noticed: wolfSSL_CTX_check_private_key checks an ECC key's point only, so the "
     "peer refuses the CertificateVerify signature instead)"},
    {NULL, NULL},
};
