#include "probe_defects.h"

#include <string.h>

#define CHAIN MG_PROBE_SEND_CHAIN
#define REJECT MG_PROBE_MUST_REJECT

const mg_probe_defect mg_probe_defects[] = {
    {"control", "probe-control", CHAIN, MG_PROBE_MUST_ACCEPT, false, false,
     "a valid client certificate issued directly by the CA",
     "the valid control certificate rejected: the gateway does not trust this CA", ""},
    {"valid-chain", "probe-via-intermediate", CHAIN, MG_PROBE_MUST_ACCEPT, false, false,
     "a valid client certificate under an intermediate, sent with it",
     "a valid chain with an intermediate rejected: verification depth too small (Apache's "
     "SSLVerifyDepth defaults to 1, a CA it knows directly; set 2. nginx's ssl_verify_depth "
     "counts intermediates: its default 1 allows one)",
     ""},
    {"eku-serverauth", "probe-eku-serverauth", CHAIN, REJECT, false, false,
     "extendedKeyUsage serverAuth only",
     "serverAuth-only certificate accepted: no purpose check (clientAuth EKU is not required)",
     "bad-purpose"},
    {"eku-codesigning", "probe-eku-codesigning", CHAIN, REJECT, false, false,
     "extendedKeyUsage codeSigning only",
     "codeSigning-only certificate accepted: no purpose check (clientAuth EKU is not required)",
     "bad-purpose"},
    {"no-eku", "probe-no-eku", CHAIN, MG_PROBE_EITHER, false, false,
     "no extendedKeyUsage extension (any purpose, RFC 5280 4.2.1.12)", NULL, "bad-purpose"},
    {"eku-any", "probe-eku-any", CHAIN, MG_PROBE_EITHER, false, false,
     "extendedKeyUsage anyExtendedKeyUsage only (the standards allow both outcomes)", NULL,
     "bad-purpose"},
    {"ku-no-digitalsignature", "probe-ku-no-digitalsignature", CHAIN, REJECT, false, false,
     "keyUsage keyAgreement only (no digitalSignature)",
     "a certificate whose keyUsage forbids signing accepted: keyUsage is not checked (OpenSSL "
     "does not check a client certificate's keyUsage, under nginx, Apache and HAProxy alike; "
     "no setting of theirs changes it)", "bad-key-usage"},
    {"expired", "probe-expired", CHAIN, REJECT, false, false, "expired 30 days ago",
     "expired certificate accepted: validity dates are not checked (verification off?)", "expired"},
    {"not-yet-valid", "probe-not-yet-valid", CHAIN, REJECT, false, false,
     "valid only from 30 days on",
     "not-yet-valid certificate accepted: validity dates are not checked (verification off?)",
     "not-yet-valid"},
    {"revoked", "probe-revoked", CHAIN, REJECT, false, false,
     "revoked in the CA's CRL (probe --crl-out writes it)",
     "revoked certificate accepted: the gateway checks no CRL (nginx: ssl_crl; Apache: "
     "SSLCARevocationFile with SSLCARevocationCheck chain; HAProxy: crl-file)", "revoked"},
    {"self-signed", "probe-self-signed", CHAIN, REJECT, false, false, "self-signed",
     "self-signed certificate accepted: any certificate gets in (verification off or "
     "optional_no_ca)", "unknown-ca"},
    {"other-ca", "probe-other-ca", CHAIN, REJECT, false, false, "issued by another CA",
     "a certificate from another CA accepted: the gateway trusts more CAs than this one for "
     "clients (or does not verify)", "unknown-ca"},
    {"foreign-intermediate", "probe-foreign-intermediate", CHAIN, REJECT, false, false,
     "under an intermediate of another CA, sent with it",
     "a chain through another CA's intermediate accepted: the gateway trusts another CA for "
     "clients (or does not verify)", "unknown-ca"},
    {"missing-intermediate", "probe-via-intermediate", MG_PROBE_SEND_LEAF, REJECT, false, false,
     "the leaf under the intermediate, sent without it",
     "a leaf accepted without its intermediate: the gateway trusts the intermediate itself (it is "
     "in its CA file), and so everything the intermediate issues", "unknown-ca"},
    {"not-ca-issuer", "probe-via-not-ca", CHAIN, REJECT, false, false,
     "signed by a certificate that is not a CA (basicConstraints CA:FALSE)",
     "a leaf signed by a non-CA certificate accepted: basicConstraints are not checked",
     "invalid-ca"},
    {"pathlen-exceeded", "probe-pathlen-exceeded", CHAIN, REJECT, true, false,
     "under a sub-CA of an intermediate with pathLenConstraint 0",
     "a chain breaking pathLenConstraint accepted: path length is not checked", "path-length"},
    {"rsa1024", "probe-rsa1024", CHAIN, REJECT, false, false, "an RSA-1024 key",
     "an RSA-1024 key accepted: no minimum key size (OpenSSL security level below 2)",
     "insecure-algorithm"},
    {"sha1", "probe-sha1", CHAIN, REJECT, false, false, "signed with SHA-1",
     "a SHA-1 signed certificate accepted: weak signatures allowed (OpenSSL security level "
     "below 2)", "insecure-algorithm"},
    {"critical-extension", "probe-critical-unknown", CHAIN, REJECT, false, false,
     "an unknown extension marked critical",
     "a certificate with an unknown critical extension accepted (RFC 5280 4.2)",
     "critical-extension"},
    {"bad-signature", "probe-bad-signature", CHAIN, REJECT, false, false,
     "its signature bytes corrupted",
     "a certificate with a broken signature accepted: signatures are not verified",
     "bad-signature"},
    {"x509-v1", "probe-x509-v1", CHAIN, MG_PROBE_EITHER, false, false,
     "an X.509 version 1 leaf, so no extensions (RFC 5280 4.1.2.1 lets a verifier accept any "
     "version; the matrix's client-x509-v1 allows both outcomes)",
     NULL, "other"},
    {"no-certificate", NULL, MG_PROBE_SEND_NONE, REJECT, false, false, "no certificate at all",
     "no certificate accepted: verification is optional (nginx: ssl_verify_client on; Apache: "
     "SSLVerifyClient require; HAProxy: verify required)", "no-certificate"},
    {"sni-bypass", NULL, MG_PROBE_SEND_NONE, REJECT, false, true,
     "no certificate, SNI of --servername, Host of the URL",
     "the mTLS host answered without a certificate through another SNI: the gateway picks the "
     "TLS settings by SNI and the site by Host (mTLS bypass; nginx answers 421 by itself)",
     "no-certificate"},
};

const size_t mg_probe_defect_count = sizeof mg_probe_defects / sizeof mg_probe_defects[0];

const mg_probe_defect *mg_probe_defect_find(const char *id)
{
    for (size_t i = 0; i < mg_probe_defect_count; i++)
        if (strcmp(mg_probe_defects[i].id, id) == 0) return &mg_probe_defects[i];
    return NULL;
}
