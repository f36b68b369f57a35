/* What OpenSSL 3.0 says for each inspect cause (inspect/inspect_causes.c): the verifier's
 * words (verify error N, X509_verify_cert_error_string), then what its peer reads from the
 * alert OpenSSL sends for that error (ssl_x509err2alert). One row per cause, by its id. */
#include "tool_words.h"

#include <stddef.h>

#define ALERT_UNKNOWN_CA "\"tlsv1 alert unknown ca\""

const mg_tool_words mg_openssl_inspect_words[] = {
    {"eku-wrong-purpose",
     "verify error 26 \"unsuitable certificate purpose\" (OpenSSL 1.1: \"unsupported certificate "
     "purpose\"); the peer reads \"sslv3 alert unsupported certificate\""},
    {"eku-any-only",
     "verify error 26 \"unsuitable certificate purpose\" (OpenSSL 3.0 does not accept "
     "anyExtendedKeyUsage for TLS); the peer reads \"sslv3 alert unsupported certificate\""},
    {"ku-no-digital-signature",
     "(accepted: OpenSSL 3.0 does not check the leaf's keyUsage in TLS)"},
    {"ku-refused-client-purpose",
     "verify error 26 \"unsuitable certificate purpose\" (OpenSSL's sslclient purpose wants "
     "digitalSignature or keyAgreement in a client's keyUsage); the peer reads \"sslv3 alert "
     "unsupported certificate\""},
    {"name-mismatch",
     "verify error 62 \"hostname mismatch\" (an IP address: 64 \"IP address mismatch\"); the peer "
     "reads \"sslv3 alert bad certificate\""},
    {"name-cn-only",
     "(accepted by default: OpenSSL falls back to the CN when there is no DNS SAN; with "
     "X509_CHECK_FLAG_NEVER_CHECK_SUBJECT, as Python sets it: verify error 62 \"hostname "
     "mismatch\")"},
    {"ip-as-dns-name",
     "verify error 64 \"IP address mismatch\"; the peer reads \"sslv3 alert bad certificate\""},
    {"expired",
     "verify error 10 \"certificate has expired\"; the peer reads \"sslv3 alert certificate "
     "expired\""},
    {"not-yet-valid",
     "verify error 9 \"certificate is not yet valid\"; the peer reads \"sslv3 alert bad "
     "certificate\""},
    {"chain-expired",
     "verify error 10 \"certificate has expired\" at depth 1 or more; the peer reads \"sslv3 "
     "alert certificate expired\""},
    {"chain-not-yet-valid",
     "verify error 9 \"certificate is not yet valid\" at depth 1 or more; the peer reads \"sslv3 "
     "alert bad certificate\""},
    {"missing-intermediate",
     "verify error 20 \"unable to get local issuer certificate\" (only the leaf sent: 21 \"unable "
     "to verify the first certificate\"); the peer reads " ALERT_UNKNOWN_CA},
    {"issuer-unknown",
     "verify error 20 \"unable to get local issuer certificate\" (only the leaf sent: 21 \"unable "
     "to verify the first certificate\"); the peer reads " ALERT_UNKNOWN_CA},
    {"untrusted-root",
     "verify error 20 \"unable to get local issuer certificate\" (or 19 \"self-signed certificate "
     "in certificate chain\"); the peer reads " ALERT_UNKNOWN_CA},
    {"self-signed",
     "verify error 18 \"self-signed certificate\" (OpenSSL 1.1: \"self signed certificate\"); the "
     "peer reads " ALERT_UNKNOWN_CA},
    {"revoked",
     "verify error 23 \"certificate revoked\"; the peer reads \"sslv3 alert certificate revoked\""},
    {"chain-revoked",
     "verify error 23 \"certificate revoked\" at depth 1 or more; the peer reads \"sslv3 alert "
     "certificate revoked\""},
    {"crl-missing",
     "verify error 3 \"unable to get certificate CRL\"; the peer reads " ALERT_UNKNOWN_CA},
    {"crl-expired",
     "verify error 12 \"CRL has expired\"; the peer reads \"sslv3 alert certificate expired\""},
    {"crl-not-yet-valid",
     "verify error 11 \"CRL is not yet valid\"; the peer reads \"sslv3 alert bad certificate\""},
    {"crl-bad-signature",
     "verify error 8 \"CRL signature failure\"; the peer reads \"tlsv1 alert decrypt error\""},
    {"bad-signature",
     "verify error 7 \"certificate signature failure\"; the peer reads \"tlsv1 alert decrypt "
     "error\""},
    {"ca-invalid",
     "verify error 79 \"invalid CA certificate\" (OpenSSL 1.1: 24) or 32 \"key usage does not "
     "include certificate signing\"; the peer reads " ALERT_UNKNOWN_CA},
    {"path-length",
     "verify error 25 \"path length constraint exceeded\"; the peer reads " ALERT_UNKNOWN_CA},
    {"name-constraints",
     "verify error 47 \"permitted subtree violation\" or 48 \"excluded subtree violation\"; the "
     "peer reads \"sslv3 alert certificate unknown\""},
    {"intermediate-eku",
     "verify error 26 \"unsuitable certificate purpose\" at depth 1 or more; the peer reads "
     "\"sslv3 alert unsupported certificate\""},
    {"weak-key",
     "verify error 66 \"EE certificate key too weak\" (a CA: 67 \"CA certificate key too weak\"); "
     "loading it as one's own: \"ee key too small\""},
    {"weak-signature",
     "verify error 68 \"CA signature digest algorithm too weak\"; loading it as one's own: \"ca md "
     "too weak\""},
    {"critical-extension",
     "verify error 34 \"unhandled critical extension\"; the peer reads \"sslv3 alert bad "
     "certificate\""},
    {"policy",
     "verify error 43 \"no explicit policy\"; the peer reads \"sslv3 alert certificate unknown\""},
    {"chain-other",
     "verify error N (see the detail for OpenSSL's words); the peer reads an alert such as \"sslv3 "
     "alert certificate unknown\""},
    {"key-mismatch",
     "X509_check_private_key: \"key values mismatch\" (SSL_CTX_use_PrivateKey / "
     "SSL_CTX_check_private_key refuse the pair)"},
    {NULL, NULL},
};
