/* A wolfSSL server context serves several sessions on one WOLFSSL_CTX, and wolfSSL 5.5.4 adds
 * every CA of a chain it verified to that WOLFSSL_CTX's certificate manager (src/internal.c
 * ProcessPeerCerts, AddCA with WOLFSSL_CHAIN_CA). This test, made of the generator's artifacts
 * and no scenario, holds the backend to forgetting them: on one server context that trusts
 * only the client root, a client sending its leaf and intermediate is accepted, then a client
 * sending the same leaf alone (its intermediate known only from the first session) is refused
 * as unknown-ca, then the full chain is accepted again; on TLS 1.2 and 1.3, both policies. */
#include "drive.h"
#include "manifest.h"
#include "mg_test.h"
#include "test_matrix.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* This test is about this backend by name (see harness/registry.h for the list). */
extern const mg_stack mg_stack_wolfssl;

typedef struct {
    const mg_artifact *client, *server, *client_root, *server_root;
    int64_t when;
} fixture;

static void one_session(const fixture *f, mg_context *server_ctx, mg_tls_version tls,
                        mg_policy policy, bool leaf_only, const char *expected)
{
    const mg_stack *w = &mg_stack_wolfssl;
    mg_side_config c = {
        .role = MG_ROLE_CLIENT, .tls = tls, .policy = policy,
        .credential = {leaf_only ? f->client->cert_pem : f->client->chain_pem,
                       f->client->key_pem, NULL, NULL},
        .trust_file = f->server_root->cert_pem, .server_name = f->server->host,
        .pin_time = true, .verify_time = f->when,
    };
    mg_side_outcome why;
    mg_context *client_ctx = NULL;
    CHECK(mg_ok(w->context_new(&c, NULL, &client_ctx, &why)) && client_ctx);
    if (!client_ctx) return;
    mg_pair_result r;
    mg_pair_result_init(&r);
    mg_drive_in_memory(w, client_ctx, w, server_ctx, NULL, &r);
    w->context_free(client_ctx);
    char verdict[64];
    mg_verdict_format(r.verdict, verdict, sizeof verdict);
    printf("tls1.%d/%s, %s: %s (%s)\n", tls - 10, policy == MG_POLICY_STRICT ? "strict" : "minimal",
           leaf_only ? "leaf alone" : "leaf and intermediate", verdict, r.reason_text);
    CHECK_STR(verdict, expected);
}

static void check_sessions(const fixture *f, mg_tls_version tls, mg_policy policy)
{
    const mg_stack *w = &mg_stack_wolfssl;
    mg_side_config s = {
        .role = MG_ROLE_SERVER, .tls = tls, .policy = policy,
        .credential = {f->server->chain_pem, f->server->key_pem, NULL, NULL},
        .trust_file = f->client_root->cert_pem, .peer_check = MG_PEER_REQUIRED,
        .pin_time = true, .verify_time = f->when,
    };
    mg_side_outcome why;
    mg_context *server_ctx = NULL;
    CHECK(mg_ok(w->context_new(&s, NULL, &server_ctx, &why)) && server_ctx);
    if (!server_ctx) return;
    one_session(f, server_ctx, tls, policy, false, "ok");
    one_session(f, server_ctx, tls, policy, true, "server-rejects:unknown-ca");
    one_session(f, server_ctx, tls, policy, false, "ok");
    w->context_free(server_ctx);
}

int main(void)
{
    mg_manifest m;
    if (!mg_test_matrix_load(&m)) {
        CHECK(false);
        TEST_END();
    }
    fixture f = {
        mg_manifest_find(&m, "client"), mg_manifest_find(&m, "server"),
        mg_manifest_find(&m, "client-root"), mg_manifest_find(&m, "server-root"),
        m.reference_time,
    };
    CHECK(f.client && f.server && f.client_root && f.server_root);
    /* The leaf must need its intermediate: issued by a CA that is not the root it trusts. */
    CHECK(f.client && f.client->issuer && f.client_root &&
          strcmp(f.client->issuer, f.client_root->name) != 0);
    for (int tls = MG_TLS12; f.client && f.server && f.client_root && f.server_root &&
                             tls <= MG_TLS13;
         tls++) {
        check_sessions(&f, tls, MG_POLICY_STRICT);
        check_sessions(&f, tls, MG_POLICY_MINIMAL);
    }
    mg_manifest_free(&m);
    TEST_END();
}
