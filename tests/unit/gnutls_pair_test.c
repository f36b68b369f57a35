/* GnuTLS client against GnuTLS server over the in-memory pair, with certificates made at test
 * time by the generator: baseline is ok; a client certificate whose only EKU is serverAuth is
 * refused by the server under strict (bad-purpose) and, as DESIGN's defaults audit says,
 * accepted under GnuTLS's documented minimal setup; on TLS 1.2 and 1.3. */
#include "backends.h"
#include "drive.h"
#include "gen.h"
#include "manifest.h"
#include "mg_test.h"

#include <stdio.h>
#include <stdlib.h>

static const mg_artifact *need(const mg_manifest *m, const char *name)
{
    const mg_artifact *a = mg_manifest_find(m, name);
    if (!a) fprintf(stderr, "artifact %s missing\n", name);
    CHECK(a != NULL);
    return a;
}

static void run_case(const mg_manifest *m, const char *client_name, mg_tls_version tls,
                     mg_policy policy, const char *expected)
{
    const mg_artifact *client = need(m, client_name), *server = need(m, "server");
    const mg_artifact *client_root = need(m, "client-root"), *server_root = need(m, "server-root");
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
    mg_run_pair(&mg_stack_gnutls, &c, &mg_stack_gnutls, &s, &r);
    char verdict[64];
    mg_verdict_format(r.verdict, verdict, sizeof verdict);
    printf("%s/gnutls-gnutls/tls1.%d/%s: %s (%s)\n", client_name, tls - 10,
           policy == MG_POLICY_STRICT ? "strict" : "minimal", verdict, r.reason_text);
    CHECK_STR(verdict, expected);
}

int main(void)
{
    char dir[] = "/tmp/mg-gnutls-pair-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char out[sizeof dir + 16];
    snprintf(out, sizeof out, "%s/matrix", dir);
    mg_gen_options options = {.out_dir = out, .time_mode = MG_TIME_PINNED};
    mg_gen_stats stats;
    mg_manifest m;
    bool ready = mg_ok(mg_gen_matrix(&options, &stats)) && mg_ok(mg_manifest_load(out, &m));
    if (!ready) fprintf(stderr, "gen: %s\n", mg_error_message());
    CHECK(ready);
    if (ready) {
        for (int tls = MG_TLS12; tls <= MG_TLS13; tls++) {
            run_case(&m, "client", tls, MG_POLICY_STRICT, "ok");
            run_case(&m, "client", tls, MG_POLICY_MINIMAL, "ok");
            run_case(&m, "client-eku-serverauth", tls, MG_POLICY_STRICT,
                     "server-rejects:bad-purpose");
            run_case(&m, "client-eku-serverauth", tls, MG_POLICY_MINIMAL, "ok");
        }
        mg_manifest_free(&m);
    }
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    TEST_END();
}
