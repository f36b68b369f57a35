/* OpenSSL client x OpenSSL server over the in-memory driver, with a matrix generated at test
 * time (pinned time): baseline is ok; a client whose only EKU is serverAuth is refused by the
 * server (bad-purpose, alert unsupported_certificate); a client without a certificate is
 * refused (no-certificate, certificate_required on TLS 1.3); the client's own key mismatch
 * and a wrong PKCS#12 password are setup errors; under strict a CRL-revoked client and an
 * OCSP-revoked server are refused, minimal checks neither. TLS 1.2 and 1.3. */
#include "mg_test.h"

#include "registry.h"
#include "drive.h"
#include "test_matrix.h"
#include "manifest.h"

#include <openssl/x509_vfy.h>

#include <stdio.h>
#include <stdlib.h>

/* This test is about these two backends by name (see harness/registry.h for the list). */
extern const mg_stack mg_stack_openssl;
extern const mg_stack mg_stack_gnutls;

#define ALERT_HANDSHAKE_FAILURE 40
#define ALERT_UNSUPPORTED_CERTIFICATE 43
#define ALERT_CERTIFICATE_REQUIRED 116

typedef struct {
    const mg_artifact *server, *client, *client_eku, *server_root, *client_root;
    const mg_artifact *client_p12, *client_revoked, *server_revoked, *ocsp_good, *ocsp_revoked;
    char crls[4200]; /* client-root's and client-ca's CRLs in one file */
    int64_t when;
} matrix;

static mg_side_config client_config(const matrix *m, const mg_artifact *leaf, int tls,
                                    mg_policy policy)
{
    return (mg_side_config){
        .role = MG_ROLE_CLIENT,
        .tls = tls,
        .policy = policy,
        .credential = {leaf ? leaf->chain_pem : NULL, leaf ? leaf->key_pem : NULL, NULL, NULL},
        .trust_file = m->server_root->cert_pem,
        .server_name = "server.test",
        .pin_time = true, .verify_time = m->when,
    };
}

static mg_side_config server_config(const matrix *m, int tls, mg_policy policy)
{
    return (mg_side_config){
        .role = MG_ROLE_SERVER,
        .tls = tls,
        .policy = policy,
        .credential = {m->server->chain_pem, m->server->key_pem, NULL, NULL},
        .trust_file = m->client_root->cert_pem,
        .peer_check = MG_PEER_REQUIRED,
        .pin_time = true, .verify_time = m->when,
    };
}

static void expect(const char *label, const mg_side_config *c, const mg_side_config *s,
                   const char *verdict, mg_pair_result *out)
{
    mg_run_pair(&mg_stack_openssl, c, &mg_stack_openssl, s, out);
    char got[96];
    mg_verdict_format(out->verdict, got, sizeof got);
    printf("%-26s tls1.%d %-7s %s\n    %s\n", label, c->tls % 10,
           c->policy == MG_POLICY_STRICT ? "strict" : "minimal", got, out->reason_text);
    CHECK_STR(got, verdict);
}

static void run_cases(const matrix *m, int tls, mg_policy policy)
{
    mg_side_config s = server_config(m, tls, policy);
    mg_side_config c = client_config(m, m->client, tls, policy);
    mg_pair_result r;

    expect("baseline", &c, &s, "ok", &r);
    CHECK(r.client.state == MG_SIDE_OK && r.server.state == MG_SIDE_OK);
    CHECK(r.server.alert_sent == MG_NO_ALERT && r.client.alert_sent == MG_NO_ALERT);

    c = client_config(m, m->client_eku, tls, policy);
    expect("client-eku-serverauth", &c, &s, "server-rejects:bad-purpose", &r);
    CHECK(r.server.state == MG_SIDE_REJECTED_PEER);
    CHECK(r.server.native_code == X509_V_ERR_INVALID_PURPOSE);
    CHECK(r.server.alert_sent == ALERT_UNSUPPORTED_CERTIFICATE);
    CHECK(r.client.alert_received == ALERT_UNSUPPORTED_CERTIFICATE);

    c = client_config(m, NULL, tls, policy);
    expect("client-no-cert-required", &c, &s, "server-rejects:no-certificate", &r);
    CHECK(r.server.alert_sent ==
          (tls == MG_TLS13 ? ALERT_CERTIFICATE_REQUIRED : ALERT_HANDSHAKE_FAILURE));

    c = client_config(m, m->client, tls, policy);
    c.credential.key_file = m->server->key_pem;
    expect("client-key-mismatch", &c, &s, "client-error:key-mismatch", &r);

    c = client_config(m, NULL, tls, policy);
    c.credential.p12_file = m->client_p12->p12;
    c.credential.p12_password = m->client_p12->p12_password;
    expect("client-p12", &c, &s, "ok", &r);
    c.credential.p12_password = "not-the-password";
    expect("client-p12-wrong-password", &c, &s, "client-error:bad-credential", &r);
    CHECK(strstr(r.client.native_text, m->client_p12->p12) != NULL);
}

/* Revocation is checked under strict only (minimal is what a typical application writes). */
static void run_revocation(const matrix *m, int tls, mg_policy policy)
{
    bool strict = policy == MG_POLICY_STRICT;
    mg_side_config s = server_config(m, tls, policy);
    mg_side_config c = client_config(m, m->client, tls, policy);
    mg_pair_result r;
    s.crl_file = m->crls;
    expect("client-crl-good", &c, &s, "ok", &r);
    c = client_config(m, m->client_revoked, tls, policy);
    expect("client-revoked-crl", &c, &s, strict ? "server-rejects:revoked" : "ok", &r);
    if (strict) CHECK(r.server.native_code == X509_V_ERR_CERT_REVOKED);

    s = server_config(m, tls, policy);
    c = client_config(m, m->client, tls, policy);
    c.require_ocsp = true;
    expect("server-ocsp-missing", &c, &s, strict ? "client-rejects:revocation-unknown" : "ok", &r);
    s.ocsp_file = m->ocsp_good->ocsp_der;
    expect("server-ocsp-good", &c, &s, "ok", &r);
    s.credential.cert_file = m->server_revoked->chain_pem;
    s.credential.key_file = m->server_revoked->key_pem;
    s.ocsp_file = m->ocsp_revoked->ocsp_der;
    expect("server-ocsp-revoked", &c, &s, strict ? "client-rejects:revoked" : "ok", &r);
}

/* Appends the file at `path` to `out`. */
static bool append_file(FILE *out, const char *path)
{
    FILE *in = path ? fopen(path, "rb") : NULL;
    if (!in) return false;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
    fclose(in);
    return true;
}

/* Beside the matrix folder, not in it: gen accepts only its own files there. */
static bool write_crls(matrix *m, const mg_manifest *manifest, const char *dir)
{
    const mg_artifact *root_crl = mg_manifest_find(manifest, "client-root-crl");
    const mg_artifact *ca_crl = mg_manifest_find(manifest, "client-ca-crl");
    snprintf(m->crls, sizeof m->crls, "%s/crls.pem", dir);
    FILE *out = fopen(m->crls, "wb");
    if (!out) return false;
    bool ok = root_crl && ca_crl && append_file(out, root_crl->crl_pem) &&
              append_file(out, ca_crl->crl_pem);
    return fclose(out) == 0 && ok;
}

static const mg_artifact *need(const mg_manifest *manifest, const char *name)
{
    const mg_artifact *a = mg_manifest_find(manifest, name);
    if (!a) fprintf(stderr, "the manifest lacks %s\n", name);
    return a;
}

static bool find_all(matrix *m, const mg_manifest *manifest)
{
    m->server = need(manifest, "server");
    m->client = need(manifest, "client");
    m->client_eku = need(manifest, "client-eku-serverauth");
    m->server_root = need(manifest, "server-root");
    m->client_root = need(manifest, "client-root");
    m->client_p12 = need(manifest, "client-p12");
    m->client_revoked = need(manifest, "client-revoked");
    m->server_revoked = need(manifest, "server-revoked");
    m->ocsp_good = need(manifest, "server-ocsp-good");
    m->ocsp_revoked = need(manifest, "server-ocsp-revoked");
    m->when = manifest->reference_time;
    return m->server && m->client && m->client_eku && m->server_root && m->client_root &&
           m->client_p12 && m->client_revoked && m->server_revoked && m->ocsp_good &&
           m->ocsp_revoked;
}

int main(void)
{
    char dir[4096];
    bool scratch = mg_test_scratch("openssl-pair", dir, sizeof dir);
    mg_manifest manifest = {0};
    bool ready = scratch && mg_test_matrix_load(&manifest);
    CHECK(ready);
    matrix m = {0};
    bool complete = ready && find_all(&m, &manifest) && write_crls(&m, &manifest, dir);
    CHECK(complete);
    for (int tls = MG_TLS12; complete && tls <= MG_TLS13; tls++) {
        run_cases(&m, tls, MG_POLICY_STRICT);
        run_cases(&m, tls, MG_POLICY_MINIMAL);
        run_revocation(&m, tls, MG_POLICY_STRICT);
        run_revocation(&m, tls, MG_POLICY_MINIMAL);
    }
    if (ready) mg_manifest_free(&manifest);
    if (scratch) mg_test_scratch_remove(dir);
    TEST_END();
}
