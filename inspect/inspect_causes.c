/* The table of causes (data, not code). Each stack's words for a cause are in its own folder
 * (harness/stacks/<stack>/inspect_words.c), keyed by the cause's id. curl columns: curl 7.88
 * with OpenSSL 3.0 verifying a server (exit 60), or presenting a client certificate that the
 * server refuses (TLS 1.3 shows it at the first read, exit 56; TLS 1.2 during the handshake,
 * exit 35). */
#include "inspect_causes.h"

#include <string.h>

#define CURL_ALERT(code, text)                                                                     \
    "curl: (56) OpenSSL SSL_read: error:" code ":SSL routines::" text ", errno 0"
#define CHROME_CLIENT "ERR_BAD_SSL_CLIENT_AUTH_CERT (Chrome)"

const mg_inspect_cause mg_inspect_causes[] = {
    {"eku-wrong-purpose", MG_REASON_BAD_PURPOSE, "The extended key usage does not allow this role",
     "NET::ERR_CERT_INVALID (Chrome); SEC_ERROR_INADEQUATE_CERT_TYPE (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_UNSUPPORTED_CERT_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: unsuitable certificate purpose",
     CURL_ALERT("0A000413", "sslv3 alert unsupported certificate"),
     "Go: \"x509: certificate specifies an incompatible key usage\"",
     "Reissue the certificate with extendedKeyUsage serverAuth for a server or clientAuth for a "
     "client (both when one certificate serves both roles)."},
    {"key-mismatch", MG_REASON_KEY_MISMATCH, "The private key is not the certificate's",
     "(none: the server refuses to load the pair, so no browser reaches it)",
     "(browsers take key and certificate together, from a PKCS#12 file or their own store)",
     "(none: the server refuses to load the pair; nginx -t says \"... key values mismatch\")",
     "curl: (58) unable to set private key file: '<the --key file>' type PEM", "",
     "Load the key that was made with this certificate (its public key is the certificate's), or "
     "reissue the certificate for the key you have."},
    {"eku-any-only", MG_REASON_BAD_PURPOSE, "The only extended key usage is anyExtendedKeyUsage",
     "SEC_ERROR_INADEQUATE_CERT_TYPE (Firefox)", "SSL_ERROR_UNSUPPORTED_CERT_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: unsuitable certificate purpose",
     CURL_ALERT("0A000413", "sslv3 alert unsupported certificate"), "",
     "Reissue the certificate with the explicit purpose (serverAuth or clientAuth): RFC 5280 lets "
     "verifiers refuse anyExtendedKeyUsage, and OpenSSL does."},
    {"ku-no-digital-signature", MG_REASON_BAD_KEY_USAGE, "The key usage lacks digitalSignature",
     "ERR_SSL_KEY_USAGE_INCOMPATIBLE (Chrome); SEC_ERROR_INADEQUATE_KEY_USAGE (Firefox)",
     CHROME_CLIENT "; SEC_ERROR_INADEQUATE_KEY_USAGE (Firefox)",
     "(accepted by curl built with OpenSSL; with GnuTLS: \"Key usage violation in certificate has "
     "been detected.\")",
     "(accepted by curl built with OpenSSL)", "",
     "Reissue the certificate with keyUsage digitalSignature: TLS 1.3 and every ECDHE handshake "
     "sign with the certificate's key."},
    {"ku-refused-client-purpose", MG_REASON_BAD_KEY_USAGE,
     "The key usage allows neither digitalSignature nor keyAgreement, which a TLS client "
     "certificate needs",
     "ERR_SSL_KEY_USAGE_INCOMPATIBLE (Chrome); SEC_ERROR_INADEQUATE_KEY_USAGE (Firefox)",
     CHROME_CLIENT "; SEC_ERROR_INADEQUATE_KEY_USAGE (Firefox)",
     "(a server certificate: see its own role)",
     CURL_ALERT("0A000413", "sslv3 alert unsupported certificate")
     " (nginx: 400 \"The SSL certificate error\", \"unsuitable certificate purpose\" in its "
     "error log)",
     "",
     "Reissue the certificate with keyUsage digitalSignature (keyEncipherment serves only a "
     "TLS 1.2 RSA server): a client signs CertificateVerify with its key."},
    {"issuer-unknown", MG_REASON_UNKNOWN_CA,
     "The certificate's issuer is neither sent with it nor trusted by the verifier",
     "NET::ERR_CERT_AUTHORITY_INVALID (Chrome); SEC_ERROR_UNKNOWN_ISSUER (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_UNKNOWN_CA_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: unable to get local issuer certificate",
     CURL_ALERT("0A000418", "tlsv1 alert unknown ca"),
     "Go: \"x509: certificate signed by unknown authority\"",
     "If the named issuer is an intermediate below a CA the verifier trusts, append it to the "
     "certificate file after the leaf; otherwise the verifier must trust that CA (or the "
     "certificate be reissued by one it trusts)."},
    {"name-mismatch", MG_REASON_HOSTNAME_MISMATCH,
     "The name the client connects to is not in the certificate",
     "NET::ERR_CERT_COMMON_NAME_INVALID (Chrome); SSL_ERROR_BAD_CERT_DOMAIN (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_BAD_CERT_ALERT (Firefox)",
     "curl: (60) SSL: no alternative certificate subject name matches target host name 'HOST'",
     CURL_ALERT("0A000412", "sslv3 alert bad certificate"),
     "Go: \"x509: certificate is valid for (its names), not HOST\"; Python: \"Hostname mismatch, "
     "certificate "
     "is not valid for 'HOST'\"",
     "Reissue the certificate with the exact name clients use in its subjectAltName (DNS:name, or "
     "IP:address for an address), or make clients connect to a name it holds."},
    {"name-cn-only", MG_REASON_HOSTNAME_MISMATCH,
     "The name matches only the subject CN, which modern clients ignore",
     "NET::ERR_CERT_COMMON_NAME_INVALID (Chrome 58+); SSL_ERROR_BAD_CERT_DOMAIN (Firefox)",
     CHROME_CLIENT, "(accepted: curl falls back to the CN when there is no subjectAltName)",
     "(accepted: curl does not check its own certificate's names)",
     "Go 1.15+: \"x509: certificate relies on legacy Common Name field, use SANs instead\"; Python "
     "3.7+: \"certificate verify failed: Hostname mismatch, certificate is not valid for 'HOST'\"",
     "Reissue the certificate with the name in a subjectAltName (DNS:name or IP:address); the "
     "subject CN alone has been deprecated since RFC 2818 and ignored by browsers since 2017."},
    {"ip-as-dns-name", MG_REASON_HOSTNAME_MISMATCH,
     "The IP address is written as a DNS name, where clients do not look for it",
     "NET::ERR_CERT_COMMON_NAME_INVALID (Chrome); SSL_ERROR_BAD_CERT_DOMAIN (Firefox)",
     CHROME_CLIENT,
     "curl: (60) SSL: no alternative certificate subject name matches target host name 'HOST'",
     CURL_ALERT("0A000412", "sslv3 alert bad certificate"),
     "Go: \"x509: cannot validate certificate for HOST because it doesn't contain any IP SANs\"",
     "Reissue the certificate with the address as an iPAddress SAN (IP:address, not DNS:address)."},
    {"expired", MG_REASON_EXPIRED, "The certificate has expired",
     "NET::ERR_CERT_DATE_INVALID (Chrome); SEC_ERROR_EXPIRED_CERTIFICATE (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_EXPIRED_CERT_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: certificate has expired",
     CURL_ALERT("0A000415", "sslv3 alert certificate expired"),
     "Go: \"x509: certificate has expired or is not yet valid\"",
     "Renew the certificate and deploy it with its chain (if the dates look right, check the "
     "verifier's clock)."},
    {"not-yet-valid", MG_REASON_NOT_YET_VALID, "The certificate is not valid yet",
     "NET::ERR_CERT_DATE_INVALID (Chrome); MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_BAD_CERT_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: certificate is not yet valid",
     CURL_ALERT("0A000412", "sslv3 alert bad certificate"),
     "Go: \"x509: certificate has expired or is not yet valid\"",
     "Check the verifier's clock (NTP); if it is right, reissue the certificate with a notBefore "
     "in the past."},
    {"chain-expired", MG_REASON_EXPIRED, "A CA certificate in the chain has expired",
     "NET::ERR_CERT_DATE_INVALID (Chrome); SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_EXPIRED_CERT_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: certificate has expired",
     CURL_ALERT("0A000415", "sslv3 alert certificate expired"), "",
     "Replace the expired CA certificate in the chain file and in trust stores with its current "
     "version (or reissue the leaf under a current CA)."},
    {"chain-not-yet-valid", MG_REASON_NOT_YET_VALID,
     "A CA certificate in the chain is not valid yet",
     "NET::ERR_CERT_DATE_INVALID (Chrome); MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE "
     "(Firefox)",
     CHROME_CLIENT "; SSL_ERROR_BAD_CERT_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: certificate is not yet valid",
     CURL_ALERT("0A000412", "sslv3 alert bad certificate"), "",
     "Check the verifier's clock; if it is right, use the CA certificate that is valid now."},
    {"missing-intermediate", MG_REASON_UNKNOWN_CA,
     "The issuer of the certificate is missing: the chain lacks an intermediate",
     "NET::ERR_CERT_AUTHORITY_INVALID (Chrome); SEC_ERROR_UNKNOWN_ISSUER (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_UNKNOWN_CA_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: unable to get local issuer certificate",
     CURL_ALERT("0A000418", "tlsv1 alert unknown ca"),
     "Go: \"x509: certificate signed by unknown authority\"; Java: \"PKIX path building failed\"",
     "Append the named intermediate to the certificate file, leaf first (a server's "
     "ssl_certificate / SSLCertificateFile, a client's --cert), or trust the CA that issued it."},
    {"untrusted-root", MG_REASON_UNKNOWN_CA,
     "The chain ends at a CA that the verifier does not trust",
     "NET::ERR_CERT_AUTHORITY_INVALID (Chrome); SEC_ERROR_UNKNOWN_ISSUER (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_UNKNOWN_CA_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: unable to get local issuer certificate",
     CURL_ALERT("0A000418", "tlsv1 alert unknown ca"),
     "Go: \"x509: certificate signed by unknown authority\"",
     "Give the verifier the root this chain ends at (--ca, ssl_client_certificate, --cacert), or "
     "reissue the certificate from a CA the verifier trusts."},
    {"self-signed", MG_REASON_UNKNOWN_CA, "The certificate is self-signed and not trusted",
     "NET::ERR_CERT_AUTHORITY_INVALID (Chrome); MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_UNKNOWN_CA_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: self-signed certificate",
     CURL_ALERT("0A000418", "tlsv1 alert unknown ca"),
     "Go: \"x509: certificate signed by unknown authority\"",
     "Issue the certificate from your CA, or (for a private test peer only) trust this exact "
     "certificate on the other side."},
    {"revoked", MG_REASON_REVOKED, "The certificate is revoked",
     "NET::ERR_CERT_REVOKED (Chrome); SEC_ERROR_REVOKED_CERTIFICATE (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_REVOKED_CERT_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: certificate revoked",
     CURL_ALERT("0A000414", "sslv3 alert certificate revoked"), "",
     "Issue and deploy a new certificate (with a new key if the old one may be compromised); a "
     "revoked certificate cannot be un-revoked."},
    {"chain-revoked", MG_REASON_REVOKED, "A CA certificate in the chain is revoked",
     "NET::ERR_CERT_REVOKED (Chrome); SEC_ERROR_REVOKED_CERTIFICATE (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_REVOKED_CERT_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: certificate revoked",
     CURL_ALERT("0A000414", "sslv3 alert certificate revoked"), "",
     "Reissue the certificate under a CA that is not revoked and deploy the new chain."},
    {"crl-missing", MG_REASON_REVOCATION_UNKNOWN,
     "The CRL file holds no CRL from the certificate's issuer",
     "(browsers do not read local CRL files)", "(browsers do not read local CRL files)",
     "curl: (60) SSL certificate problem: unable to get certificate CRL",
     CURL_ALERT("0A000418", "tlsv1 alert unknown ca"), "",
     "Give the CRL published by the certificate's issuer (with CRL checks on, every CA in the "
     "chain needs its issuer's current CRL)."},
    {"crl-expired", MG_REASON_REVOCATION_UNKNOWN, "The CRL is past its nextUpdate",
     "(browsers do not read local CRL files)", "(browsers do not read local CRL files)",
     "curl: (60) SSL certificate problem: CRL has expired",
     CURL_ALERT("0A000415", "sslv3 alert certificate expired"), "",
     "Fetch the CA's current CRL and make sure the job that refreshes it runs before nextUpdate."},
    {"crl-not-yet-valid", MG_REASON_REVOCATION_UNKNOWN, "The CRL's thisUpdate is in the future",
     "(browsers do not read local CRL files)", "(browsers do not read local CRL files)",
     "curl: (60) SSL certificate problem: CRL is not yet valid",
     CURL_ALERT("0A000412", "sslv3 alert bad certificate"), "",
     "Check the verifier's clock and the CA's clock; use a CRL whose thisUpdate has passed."},
    {"crl-bad-signature", MG_REASON_REVOCATION_UNKNOWN, "The CRL's signature does not verify",
     "(browsers do not read local CRL files)", "(browsers do not read local CRL files)",
     "curl: (60) SSL certificate problem: CRL signature failure",
     CURL_ALERT("0A00041B", "tlsv1 alert decrypt error"), "",
     "Download the CRL again from the CA (it is corrupt or signed by another key) and check it "
     "with openssl crl -CAfile."}, /* stack-literal: tool hint */
    {"bad-signature", MG_REASON_BAD_SIGNATURE, "A certificate's signature does not verify",
     "NET::ERR_CERT_AUTHORITY_INVALID (Chrome); SEC_ERROR_BAD_SIGNATURE (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_DECRYPT_ERROR_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: certificate signature failure",
     CURL_ALERT("0A00041B", "tlsv1 alert decrypt error"), "",
     "Reissue the certificate: its bytes were altered or it was signed by another key than its "
     "issuer's."},
    {"ca-invalid", MG_REASON_INVALID_CA, "A certificate in the chain is not allowed to act as a CA",
     "NET::ERR_CERT_AUTHORITY_INVALID (Chrome); SEC_ERROR_CA_CERT_INVALID (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_UNKNOWN_CA_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: invalid CA certificate",
     CURL_ALERT("0A000418", "tlsv1 alert unknown ca"), "",
     "Reissue the intermediate with basicConstraints critical,CA:TRUE and keyUsage keyCertSign "
     "(or issue the leaf from a proper CA)."},
    {"path-length", MG_REASON_PATH_LENGTH,
     "The chain is longer than a CA's pathLenConstraint allows",
     "NET::ERR_CERT_AUTHORITY_INVALID (Chrome); SEC_ERROR_PATH_LEN_CONSTRAINT_INVALID (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_UNKNOWN_CA_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: path length constraint exceeded",
     CURL_ALERT("0A000418", "tlsv1 alert unknown ca"), "",
     "Issue the leaf directly under the CA whose pathlen forbids sub-CAs, or reissue that CA with "
     "a larger pathlen."},
    {"name-constraints", MG_REASON_NAME_CONSTRAINTS, "A name is outside a CA's name constraints",
     "NET::ERR_CERT_INVALID (Chrome); SEC_ERROR_CERT_NOT_IN_NAME_SPACE (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_CERTIFICATE_UNKNOWN_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: permitted subtree violation",
     CURL_ALERT("0A000416", "sslv3 alert certificate unknown"), "",
     "Reissue the certificate with names inside the CA's permitted subtrees (or from a CA allowed "
     "to issue those names)."},
    {"intermediate-eku", MG_REASON_BAD_PURPOSE,
     "An intermediate's extended key usage excludes this role",
     "NET::ERR_CERT_INVALID (Chrome); SEC_ERROR_INADEQUATE_CERT_TYPE (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_UNSUPPORTED_CERT_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: unsuitable certificate purpose",
     CURL_ALERT("0A000413", "sslv3 alert unsupported certificate"), "",
     "Issue the leaf from a CA whose extendedKeyUsage includes the role (or has none), or reissue "
     "that CA so."},
    {"weak-key", MG_REASON_INSECURE_ALGORITHM, "The key is too weak",
     "NET::ERR_CERT_WEAK_KEY (Chrome); MOZILLA_PKIX_ERROR_INADEQUATE_KEY_SIZE (Firefox)",
     CHROME_CLIENT, "curl: (60) SSL certificate problem: EE certificate key too weak",
     "curl: (58) could not load PEM client certificate from FILE, OpenSSL error "
     "error:0A00018F:SSL routines::ee key too small",
     "", "Generate a new key (RSA 2048 or more, or ECDSA P-256) and reissue the certificate."},
    {"weak-signature", MG_REASON_INSECURE_ALGORITHM,
     "The certificate is signed with a broken hash (SHA-1 or MD5)",
     "NET::ERR_CERT_WEAK_SIGNATURE_ALGORITHM (Chrome); SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED "
     "(Firefox)",
     CHROME_CLIENT, "curl: (60) SSL certificate problem: CA signature digest algorithm too weak",
     "curl: (58) could not load PEM client certificate from FILE, OpenSSL error "
     "error:0A00018E:SSL routines::ca md too weak",
     "Go 1.18+: \"x509: cannot verify signature: insecure algorithm SHA1-RSA\"",
     "Have the CA reissue the certificate signed with SHA-256 or better."},
    {"critical-extension", MG_REASON_CRITICAL_EXTENSION,
     "The certificate has a critical extension verifiers do not understand",
     "NET::ERR_CERT_INVALID (Chrome); SEC_ERROR_UNKNOWN_CRITICAL_EXTENSION (Firefox)",
     CHROME_CLIENT "; SSL_ERROR_BAD_CERT_ALERT (Firefox)",
     "curl: (60) SSL certificate problem: unhandled critical extension",
     CURL_ALERT("0A000412", "sslv3 alert bad certificate"), "",
     "Reissue the certificate without that extension, or with it marked non-critical."},
    {"policy", MG_REASON_OTHER,
     "The chain requires an explicit certificate policy it does not carry",
     "NET::ERR_CERT_INVALID (Chrome)", CHROME_CLIENT,
     "curl: (60) SSL certificate problem: no explicit policy",
     CURL_ALERT("0A000416", "sslv3 alert certificate unknown"), "",
     "Reissue the leaf with a certificatePolicies OID its CA requires."},
    {"chain-other", MG_REASON_OTHER, "The chain does not verify",
     "NET::ERR_CERT_INVALID (Chrome); SEC_ERROR_BAD_DER or a SEC_ERROR_* code (Firefox)",
     CHROME_CLIENT, "curl: (60) SSL certificate problem: (OpenSSL's words, as in the detail)",
     CURL_ALERT("0A000416", "sslv3 alert certificate unknown"), "",
     "Run openssl verify -show_chain on the file " /* stack-literal: tool hint */
     "with the same CA and fix what it names."},
};

const size_t mg_inspect_cause_count = sizeof mg_inspect_causes / sizeof mg_inspect_causes[0];

const mg_inspect_cause *mg_inspect_cause_find(const char *id)
{
    for (size_t i = 0; i < mg_inspect_cause_count; i++)
        if (strcmp(mg_inspect_causes[i].id, id) == 0) return &mg_inspect_causes[i];
    return NULL;
}

mg_inspect_messages mg_inspect_cause_messages(const mg_inspect_cause *cause, mg_inspect_role role)
{
    bool server = role == MG_INSPECT_SERVER;
    return (mg_inspect_messages){
        server ? cause->browser_server : cause->browser_client,
        server ? cause->curl_server : cause->curl_client,
        cause->other,
    };
}

const char *mg_inspect_tool_words(const mg_inspect_tool *tool, const char *cause_id)
{
    for (const mg_tool_words *w = tool->words; w && w->cause; w++)
        if (strcmp(w->cause, cause_id) == 0) return w->words;
    return NULL;
}

const char *mg_inspect_role_name(mg_inspect_role role)
{
    return role == MG_INSPECT_CLIENT ? "client" : "server";
}
