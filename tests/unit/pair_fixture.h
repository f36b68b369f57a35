/* For unit tests that drive one client certificate against the generator's `server`: a
 * pinned matrix made in a temporary folder, and a pair run through the real driver whose
 * verdict is checked. Header-only: each unit test is its own program. */
#ifndef MG_PAIR_FIXTURE_H
#define MG_PAIR_FIXTURE_H

#include "registry.h"
#include "drive.h"
#include "gen.h"
#include "manifest.h"
#include "mg_test.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
    char dir[64];
    mg_manifest manifest;
    bool ready;
} pair_fixture;

static void pair_fixture_open(pair_fixture *f, const char *tag)
{
    snprintf(f->dir, sizeof f->dir, "/tmp/mg-%s-XXXXXX", tag);
    f->ready = mkdtemp(f->dir) != NULL;
    char out[96];
    snprintf(out, sizeof out, "%s/matrix", f->dir);
    mg_gen_options options = {.out_dir = out, .time_mode = MG_TIME_PINNED};
    mg_gen_stats stats;
    f->ready = f->ready && mg_ok(mg_gen_matrix(&options, &stats)) &&
               mg_ok(mg_manifest_load(out, &f->manifest));
    if (!f->ready) fprintf(stderr, "gen: %s\n", mg_error_message());
    CHECK(f->ready);
}

static void pair_fixture_close(pair_fixture *f)
{
    if (f->ready) mg_manifest_free(&f->manifest);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
    CHECK(system(cmd) == 0);
}

/* `client_name` (with its chain) against `server`, each side trusting the other's root;
 * checks the verdict text and returns the result for further checks. */
static inline mg_pair_result pair_check(const pair_fixture *f, const mg_stack *client_stack,
                                        const mg_stack *server_stack, const char *client_name,
                                        mg_tls_version tls, mg_policy policy,
                                        const char *expected)
{
    mg_pair_result r;
    mg_pair_result_init(&r);
    const mg_manifest *m = &f->manifest;
    const mg_artifact *client = mg_manifest_find(m, client_name);
    const mg_artifact *server = mg_manifest_find(m, "server");
    const mg_artifact *client_root = mg_manifest_find(m, "client-root");
    const mg_artifact *server_root = mg_manifest_find(m, "server-root");
    if (!client) fprintf(stderr, "artifact %s missing\n", client_name);
    CHECK(client && server && client_root && server_root);
    if (!f->ready || !client || !server || !client_root || !server_root) return r;
    mg_side_config c = {
        .role = MG_ROLE_CLIENT, .tls = tls, .policy = policy,
        .credential = {client->chain_pem, client->key_pem, NULL, NULL},
        .trust_file = server_root->cert_pem, .server_name = server->host,
        .pin_time = true, .verify_time = m->reference_time,
    };
    mg_side_config s = {
        .role = MG_ROLE_SERVER, .tls = tls, .policy = policy,
        .credential = {server->chain_pem, server->key_pem, NULL, NULL},
        .trust_file = client_root->cert_pem, .peer_check = MG_PEER_REQUIRED,
        .pin_time = true, .verify_time = m->reference_time,
    };
    mg_run_pair(client_stack, &c, server_stack, &s, &r);
    char verdict[64];
    mg_verdict_format(r.verdict, verdict, sizeof verdict);
    printf("%s/%s-%s/tls1.%d/%s: %s (%s)\n", client_name, client_stack->name, server_stack->name,
           tls - 10, policy == MG_POLICY_STRICT ? "strict" : "minimal", verdict, r.reason_text);
    CHECK_STR(verdict, expected);
    return r;
}

#endif
