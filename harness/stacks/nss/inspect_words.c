/* What NSS 3.87 says for each inspect cause (inspect/inspect_causes.c): the error its verifier
 * raises, by name and number, in the words of PR_ErrorToString (what tstclnt, selfserv and an
 * application built on NSS print), as an NSS side of the matrix reports them. One row per
 * cause, by its id; "(accepted: ...)" where NSS lets the certificate through. */
#include "tool_words.h"

#include <stddef.h>

#define UNKNOWN_ISSUER                                                                         \
    "SEC_ERROR_UNKNOWN_ISSUER (-8179) \"Peer's Certificate issuer is not recognized.\""
#define ISSUER_EXPIRED                                                                         \
    "SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE (-8162) \"The certificate issuer's certificate has "  \
    "expired. Check your system date and time.\""
#define CERT_EXPIRED "SEC_ERROR_EXPIRED_CERTIFICATE (-8181) \"Peer's Certificate has expired.\""
#define REVOKED "SEC_ERROR_REVOKED_CERTIFICATE (-8180) \"Peer's Certificate has been revoked.\""
#define CERT_TYPE                                                                              \
    "SEC_ERROR_INADEQUATE_CERT_TYPE (-8101) \"Certificate type not approved for application.\""
#define CRL_IGNORED                                                                            \
    "(accepted: NSS's classic verifier checks a certificate against its issuer's CRL only "    \
    "when a usable one is cached, and otherwise goes on)"

const mg_tool_words mg_nss_inspect_words[] = {
    {"eku-wrong-purpose", CERT_TYPE},
    {"eku-any-only",
     CERT_TYPE " (NSS does not take anyExtendedKeyUsage for TLS client or server "
     "authentication)"},
    {"ku-no-digital-signature",
     "SEC_ERROR_INADEQUATE_KEY_USAGE (-8102) \"Certificate key usage inadequate for attempted "
     "operation.\" (client certificates; an RSA server certificate is asked for "
     "keyEncipherment instead)"},
    {"ku-refused-client-purpose",
     "SEC_ERROR_INADEQUATE_KEY_USAGE (-8102) \"Certificate key usage inadequate for attempted "
     "operation.\""},
    {"name-mismatch",
     "SSL_ERROR_BAD_CERT_DOMAIN (-12276) \"Unable to communicate securely with peer: requested "
     "domain name does not match the server's certificate.\""},
    {"name-cn-only",
     "(accepted: CERT_VerifyCertName falls back to the common name when there is no DNS "
     "subjectAltName)"},
    {"ip-as-dns-name",
     "SSL_ERROR_BAD_CERT_DOMAIN (-12276) \"Unable to communicate securely with peer: requested "
     "domain name does not match the server's certificate.\" (an address matches only an "
     "iPAddress name)"},
    {"expired", CERT_EXPIRED},
    {"not-yet-valid", CERT_EXPIRED " (NSS says expired for not yet valid too)"},
    {"chain-expired", ISSUER_EXPIRED},
    {"chain-not-yet-valid", ISSUER_EXPIRED " (also for an issuer not valid yet)"},
    {"missing-intermediate", UNKNOWN_ISSUER},
    {"issuer-unknown", UNKNOWN_ISSUER},
    {"untrusted-root", UNKNOWN_ISSUER},
    {"self-signed",
     "SEC_ERROR_CA_CERT_INVALID (-8156) \"Issuer certificate is invalid.\" (NSS judges a "
     "self-signed certificate as its own issuer)"},
    {"revoked", REVOKED},
    {"chain-revoked", REVOKED " (for the intermediate too)"},
    {"crl-missing", CRL_IGNORED},
    {"crl-expired", CRL_IGNORED},
    {"crl-not-yet-valid", CRL_IGNORED},
    {"crl-bad-signature", CRL_IGNORED},
    {"bad-signature",
     "SEC_ERROR_BAD_SIGNATURE (-8182) \"Peer's certificate has an invalid signature.\""},
    {"ca-invalid",
     UNKNOWN_ISSUER " (NSS's chain builder drops an issuer that is not a CA, so the certificate "
     "below it has none; a CA without keyCertSign: SEC_ERROR_INADEQUATE_KEY_USAGE (-8102))"},
    {"path-length",
     "SEC_ERROR_PATH_LEN_CONSTRAINT_INVALID (-8155) \"Certificate path length constraint is "
     "invalid.\""},
    {"name-constraints",
     "SEC_ERROR_CERT_NOT_IN_NAME_SPACE (-8080) \"The Certifying Authority for this certificate "
     "is not permitted to issue a certificate with this name.\""},
    {"intermediate-eku",
     "(accepted: NSS's classic verifier checks the extended key usage of the leaf only)"},
    {"weak-key",
     "SEC_ERROR_INVALID_KEY (-8152) \"The key does not support the requested operation.\" "
     "(only under a minimum the application sets: NSS's own default for TLS peers is 1023-bit "
     "RSA)"},
    {"weak-signature",
     "(accepted: NSS 3.87 verifies SHA-1 signatures unless the system crypto policy forbids "
     "them)"},
    {"critical-extension",
     "SEC_ERROR_UNKNOWN_CRITICAL_EXTENSION (-8151) \"Certificate contains unknown critical "
     "extension.\""},
    {"policy",
     "SEC_ERROR_UNKNOWN_CRITICAL_EXTENSION (-8151) \"Certificate contains unknown critical "
     "extension.\" (the classic verifier does not process policy constraints)"},
    {"chain-other", UNKNOWN_ISSUER " (or the error of the first certificate that fails)"},
    {"key-mismatch",
     "(not noticed: NSS never compares key and certificate, SSL_ConfigServerCert checks the key's "
     "type only; the peer refuses the signature)"},
    {NULL, NULL},
};
