/* For unit tests that drive one client certificate against the generator's `server`: the
 * shared pinned matrix (test_matrix.h), a scratch folder for what the test writes, and a pair
 * run through the real driver whose verdict is checked. */
#ifndef MG_PAIR_FIXTURE_H
#define MG_PAIR_FIXTURE_H

#include "registry.h"
#include "drive.h"
#include "manifest.h"
#include "mg_test.h"
#include "test_matrix.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
    char dir[4096]; /* scratch: the test's own files */
    mg_manifest manifest;
    bool ready;
} pair_fixture;

static void pair_fixture_open(pair_fixture *f, const char *tag)
{
    bool scratch = mg_test_scratch(tag, f->dir, sizeof f->dir);
    f->ready = mg_test_matrix_load(&f->manifest);
    if (!scratch) f->dir[0] = '\0';
    CHECK(scratch && f->ready);
}

static void pair_fixture_close(pair_fixture *f)
{
    if (f->ready) mg_manifest_free(&f->manifest);
    if (f->dir[0]) mg_test_scratch_remove(f->dir);
}

/* A context of `stack` for `config`, checked: NULL (a failed CHECK, the stack's words on
 * stderr) when the stack refuses it. */
static inline mg_context *pair_context(const mg_stack *stack, const mg_side_config *config,
                                       mg_parsed_cache *cache)
{
    mg_context *ctx = NULL;
    mg_side_outcome why = {.alert_sent = MG_NO_ALERT, .alert_received = MG_NO_ALERT};
    mg_result r = stack->context_new(config, cache, &ctx, &why);
    CHECK(mg_ok(r) && ctx != NULL);
    if (!ctx) fprintf(stderr, "%s: %s %s\n", stack->name, mg_error_message(), why.native_text);
    return ctx;
}

/* A client presenting `chain` (leaf first) with `key`, trusting `trust`, connecting to `host`;
 * and a server requiring a client certificate. Both verify at the matrix's pinned time. */
static inline mg_side_config pair_client_config(const mg_manifest *m, const char *chain,
                                                const char *key, const char *trust,
                                                const char *host, mg_tls_version tls,
                                                mg_policy policy)
{
    return (mg_side_config){
        .role = MG_ROLE_CLIENT, .tls = tls, .policy = policy,
        .credential = {chain, key, NULL, NULL},
        .trust_file = trust, .server_name = host,
        .pin_time = true, .verify_time = m->reference_time,
    };
}

static inline mg_side_config pair_server_config(const mg_manifest *m, const char *chain,
                                                const char *key, const char *trust,
                                                mg_tls_version tls, mg_policy policy)
{
    return (mg_side_config){
        .role = MG_ROLE_SERVER, .tls = tls, .policy = policy,
        .credential = {chain, key, NULL, NULL},
        .trust_file = trust, .peer_check = MG_PEER_REQUIRED,
        .pin_time = true, .verify_time = m->reference_time,
    };
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
    mg_side_config c = pair_client_config(m, client->chain_pem, client->key_pem,
                                          server_root->cert_pem, server->host, tls, policy);
    mg_side_config s = pair_server_config(m, server->chain_pem, server->key_pem,
                                          client_root->cert_pem, tls, policy);
    mg_run_pair(client_stack, &c, server_stack, &s, &r);
    char verdict[64];
    mg_verdict_format(r.verdict, verdict, sizeof verdict);
    printf("%s/%s-%s/tls1.%d/%s: %s (%s)\n", client_name, client_stack->name, server_stack->name,
           tls - 10, policy == MG_POLICY_STRICT ? "strict" : "minimal", verdict, r.reason_text);
    CHECK_STR(verdict, expected);
    return r;
}

#endif
