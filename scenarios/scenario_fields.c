#include "scenario_fields.h"

#include <stddef.h>

#define TOP(name) offsetof(mg_scenario, name)
#define SIDE(name) offsetof(mg_scenario_side, name)
#define BOTH (SIDE_CLIENT | SIDE_SERVER)

const scenario_field mg_scenario_fields[] = {
    {"family", FIELD_TEXT, TOP(family), NULL, 0, true, "catalogue family (baseline, purpose, ...)"},
    {"summary", FIELD_TEXT, TOP(summary), NULL, 0, true, "one sentence: why a user cares"},
    {"standard", FIELD_TEXT, TOP(standard), NULL, 0, true, "standard and section followed"},
    {"expect", FIELD_EXPECT, TOP(expected), NULL, 0, true, "allowed verdicts, comma-separated"},
    {"expect-note", FIELD_TEXT, TOP(expect_note), NULL, 0, false,
     "why the standards allow several outcomes"},
    {"ref", FIELD_TEXT, TOP(ref), NULL, 0, false,
     "the advisory or public issue the scenario carries (CVE, issue URL)"},
    {"tls", FIELD_CHOICE, TOP(tls), "1.2|1.3", 0, false,
     "the only TLS version the scenario is run in (default: both)"},
    {"resumption", FIELD_FLAG, TOP(resumption), NULL, 0, false,
     "a second connection resumes the first one's session and is graded"},
    {"cert", FIELD_ARTIFACT, SIDE(cert), NULL, BOTH, false, "leaf certificate presented"},
    {"key", FIELD_ARTIFACT, SIDE(key), NULL, BOTH, false, "artifact whose key is used"},
    {"chain", FIELD_ARTIFACTS, SIDE(chain), NULL, BOTH, false,
     "certificates sent after the leaf, in order (default: the leaf's issuers)"},
    {"p12", FIELD_ARTIFACT, SIDE(p12), NULL, BOTH, false, "credential from a PKCS#12 bundle"},
    {"p12-password", FIELD_TEXT, SIDE(p12_password), NULL, BOTH, false,
     "password for p12 (default: the manifest's)"},
    {"trust", FIELD_ARTIFACTS, SIDE(trust), NULL, BOTH, false, "CAs trusted for the peer"},
    {"crl", FIELD_ARTIFACTS, SIDE(crls), NULL, BOTH, false, "CRLs checked (strict policy)"},
    {"ocsp", FIELD_ARTIFACT, SIDE(ocsp), NULL, SIDE_SERVER, false, "OCSP response stapled"},
    {"require-ocsp", FIELD_FLAG, SIDE(require_ocsp), NULL, SIDE_CLIENT, false,
     "a good stapled OCSP response is required (strict policy)"},
    {"host", FIELD_TEXT, SIDE(host), NULL, SIDE_CLIENT, false,
     "name connected to and verified (default server.test)"},
    {"client-cert", FIELD_CHOICE, SIDE(client_cert),
     "required|optional|none|post-handshake|post-handshake-optional", SIDE_SERVER, false,
     "whether the server asks for a client certificate (default required), and when"},
    {"post-handshake-auth", FIELD_FLAG, SIDE(post_handshake_auth), NULL, SIDE_CLIENT, false,
     "the client offers TLS 1.3 post-handshake authentication"},
    {"resume-trust", FIELD_ARTIFACTS, SIDE(resume_trust), NULL, SIDE_SERVER, false,
     "CAs the server of the resumed connection trusts (default: the same server)"},
    {"skip-key-check", FIELD_FLAG, SIDE(skip_key_check), NULL, BOTH, false,
     "load the credential although its key does not match"},
    {"alt-cert", FIELD_ARTIFACT, SIDE(alt_cert), NULL, SIDE_CLIENT, false,
     "another leaf the client holds (with its chain and key), chosen by the server's CA names"},
    {"ca-names", FIELD_CHOICE, SIDE(ca_names), "trusted|none", SIDE_SERVER, false,
     "CA names in CertificateRequest under every policy (default: by policy)"},
    {"needs", FIELD_WORDS, SIDE(needs), "san-only|host-ip|ocsp|crl|pkcs12|skip-key-check", BOTH,
     false, "capabilities the stack must have for this scenario under strict"},
};

const size_t mg_scenario_field_count = sizeof mg_scenario_fields / sizeof mg_scenario_fields[0];
