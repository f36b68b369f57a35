/* What strict turns on in the OpenSSL backend beyond the minimal setup, seen from an OpenSSL
 * server judging an OpenSSL client: X509_V_FLAG_X509_STRICT (an empty subjectAltName is
 * refused), X509_V_FLAG_POLICY_CHECK (requireExplicitPolicy without a policy is refused),
 * security level 2 whatever openssl.cnf says (RSA-1024 is insecure-algorithm); minimal lets the
 * first two through. And a certificate OpenSSL marks invalid (a duplicate extension) is
 * refused as `other`, not as the "unable to get issuer" OpenSSL's code suggests. */
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
    mg_run_pair(&mg_stack_openssl, &c, &mg_stack_openssl, &s, &r);
    char verdict[64];
    mg_verdict_format(r.verdict, verdict, sizeof verdict);
    printf("%s/openssl-openssl/tls1.%d/%s: %s (%s)\n", client_name, tls - 10,
           policy == MG_POLICY_STRICT ? "strict" : "minimal", verdict, r.reason_text);
    CHECK_STR(verdict, expected);
}

int main(void)
{
    char dir[] = "/tmp/mg-openssl-strict-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char out[sizeof dir + 16];
    snprintf(out, sizeof out, "%s/matrix", dir);
    mg_gen_options options = {.out_dir = out, .time_mode = MG_TIME_PINNED};
    mg_gen_stats stats;
    mg_manifest m;
    bool ready = mg_ok(mg_gen_matrix(&options, &stats)) && mg_ok(mg_manifest_load(out, &m));
    if (!ready) fprintf(stderr, "gen: %s\n", mg_error_message());
    CHECK(ready);
    for (int tls = MG_TLS12; ready && tls <= MG_TLS13; tls++) {
        run_case(&m, "client", tls, MG_POLICY_STRICT, "ok");
        run_case(&m, "client-empty-san", tls, MG_POLICY_STRICT, "server-rejects:other");
        run_case(&m, "client-empty-san", tls, MG_POLICY_MINIMAL, "ok");
        run_case(&m, "client-policy-missing", tls, MG_POLICY_STRICT, "server-rejects:other");
        run_case(&m, "client-policy-missing", tls, MG_POLICY_MINIMAL, "ok");
        run_case(&m, "client-rsa1024", tls, MG_POLICY_STRICT, "server-rejects:insecure-algorithm");
        run_case(&m, "client-duplicate-extension", tls, MG_POLICY_STRICT, "server-rejects:other");
        run_case(&m, "client-duplicate-extension", tls, MG_POLICY_MINIMAL, "server-rejects:other");
    }
    if (ready) mg_manifest_free(&m);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    TEST_END();
}
