/* A GnuTLS server judging client certificates that GnuTLS's own error codes describe badly,
 * sent by an OpenSSL client (GnuTLS refuses to load two of them on its own side): an issuer
 * without keyCertSign is invalid-ca (not bad-key-usage: RFC 5280 6.1.4 (n), as the OpenSSL
 * backend says); a keyAgreement-only leaf is bad-key-usage (GNUTLS_E_KEY_USAGE_VIOLATION, not
 * a protocol failure); a leaf with a duplicate extension is refused as `other`, on TLS 1.2
 * too, where GnuTLS reports it as GNUTLS_E_NO_CERTIFICATE_FOUND. Strict and minimal. */
#include "backends.h"
#include "drive.h"
#include "gen.h"
#include "manifest.h"
#include "mg_test.h"

#include <stdio.h>
#include <stdlib.h>

static void run_case(const mg_manifest *m, const char *client_name, mg_tls_version tls,
                     mg_policy policy, const char *expected)
{
    const mg_artifact *client = mg_manifest_find(m, client_name);
    const mg_artifact *server = mg_manifest_find(m, "server");
    const mg_artifact *client_root = mg_manifest_find(m, "client-root");
    const mg_artifact *server_root = mg_manifest_find(m, "server-root");
    CHECK(client && server && client_root && server_root);
    if (!client || !server || !client_root || !server_root) return;
    mg_side_config c = {
        .role = MG_ROLE_CLIENT, .tls = tls, .policy = policy,
        .credential = {client->chain_pem, client->key_pem, NULL, NULL},
        .trust_file = server_root->cert_pem, .server_name = server->host,
        .verify_time = m->reference_time,
    };
    mg_side_config s = {
        .role = MG_ROLE_SERVER, .tls = tls, .policy = policy,
        .credential = {server->chain_pem, server->key_pem, NULL, NULL},
        .trust_file = client_root->cert_pem, .peer_check = MG_PEER_REQUIRED,
        .verify_time = m->reference_time,
    };
    mg_pair_result r;
    mg_run_pair(&mg_stack_openssl, &c, &mg_stack_gnutls, &s, &r);
    char verdict[64];
    mg_verdict_format(r.verdict, verdict, sizeof verdict);
    printf("%s/openssl-gnutls/tls1.%d/%s: %s (%s)\n", client_name, tls - 10,
           policy == MG_POLICY_STRICT ? "strict" : "minimal", verdict, r.reason_text);
    CHECK_STR(verdict, expected);
    CHECK(r.server.state == MG_SIDE_REJECTED_PEER);
}

int main(void)
{
    char dir[] = "/tmp/mg-gnutls-faults-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char out[sizeof dir + 16];
    snprintf(out, sizeof out, "%s/matrix", dir);
    mg_gen_options options = {.out_dir = out, .time_mode = MG_TIME_PINNED};
    mg_gen_stats stats;
    mg_manifest m;
    bool ready = mg_ok(mg_gen_matrix(&options, &stats)) && mg_ok(mg_manifest_load(out, &m));
    if (!ready) fprintf(stderr, "gen: %s\n", mg_error_message());
    CHECK(ready);
    for (int tls = MG_TLS12; ready && tls <= MG_TLS13; tls++)
        for (int p = MG_POLICY_STRICT; p <= MG_POLICY_MINIMAL; p++) {
            run_case(&m, "client-via-ca-no-keycertsign", tls, p, "server-rejects:invalid-ca");
            run_case(&m, "client-ku-no-digitalsignature", tls, p, "server-rejects:bad-key-usage");
            run_case(&m, "client-duplicate-extension", tls, p, "server-rejects:other");
        }
    if (ready) mg_manifest_free(&m);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    TEST_END();
}
