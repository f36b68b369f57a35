/* Stacks that remember a judgement of a peer's chain within a worker (NSS's nss_judged.c,
 * GnuTLS's gnutls_judged.c, OpenSSL's ossl_judged.c) give it again only to the same chain
 * judged by a side that reads alike, and wolfSSL remembers a signature check only for the same
 * key, digest and signature (wolfssl_signatures.c): on every pairing and both policies, the
 * same client chain remembered as accepted by a server that trusts its root is still unknown-ca
 * to a server that trusts another root, the same chain with one byte of its leaf's signature
 * flipped is refused right after the intact one was accepted, and a refusal remembered is the
 * same refusal, alert included, each time it is given again. A stack that remembers nothing
 * passes as it is. */
#include "pair_fixture.h"
#include "registry.h"
#include "report.h"

#include <string.h>

/* `client_name` from `client_stack` against a `server_stack` server trusting `server_trust`. */
static void judged(const pair_fixture *f, const mg_stack *client_stack,
                   const mg_stack *server_stack, const char *client_name,
                   const char *server_trust, mg_policy policy, const char *expected)
{
    const mg_manifest *m = &f->manifest;
    const mg_artifact *client = mg_manifest_find(m, client_name);
    const mg_artifact *server = mg_manifest_find(m, "server");
    const mg_artifact *trust = mg_manifest_find(m, server_trust);
    const mg_artifact *server_root = mg_manifest_find(m, "server-root");
    CHECK(client && server && trust && server_root);
    if (!client || !server || !trust || !server_root) return;
    mg_side_config c = pair_client_config(m, client->chain_pem, client->key_pem,
                                          server_root->cert_pem, server->host, MG_TLS13, policy);
    mg_side_config s = pair_server_config(m, server->chain_pem, server->key_pem, trust->cert_pem,
                                          MG_TLS13, policy);
    mg_pair_result r;
    mg_pair_result_init(&r);
    mg_run_pair(client_stack, &c, server_stack, &s, &r);
    char verdict[64];
    mg_verdict_format(r.verdict, verdict, sizeof verdict);
    printf("%s %s-%s, server trusting %s (%s): %s\n", client_name, client_stack->name,
           server_stack->name, server_trust, policy == MG_POLICY_STRICT ? "strict" : "minimal",
           verdict);
    if (strcmp(verdict, expected) != 0) fprintf(stderr, "  %s\n", r.reason_text);
    CHECK_STR(verdict, expected);
    if (strcmp(expected, "ok") != 0)
        CHECK(!mg_rejection_alert_unseen(r.verdict, &r.client, &r.server));
}

static void round_of(const pair_fixture *f, const mg_stack *client, const mg_stack *server,
                     mg_policy policy)
{
    judged(f, client, server, "client", "client-root", policy, "ok");
    judged(f, client, server, "client", "server-root", policy, "server-rejects:unknown-ca");
    judged(f, client, server, "client", "client-root", policy, "ok");
    judged(f, client, server, "client-bad-signature", "client-root", policy,
           "server-rejects:bad-signature");
    judged(f, client, server, "client-bad-signature", "client-root", policy,
           "server-rejects:bad-signature");
    judged(f, client, server, "client-expired", "client-root", policy, "server-rejects:expired");
    judged(f, client, server, "client-expired", "client-root", policy, "server-rejects:expired");
    judged(f, client, server, "client", "server-root", policy, "server-rejects:unknown-ca");
}

int main(void)
{
    pair_fixture f;
    pair_fixture_open(&f, "judged-again");
    for (size_t i = 0; f.ready && i < mg_stack_count; i++)
        for (size_t k = 0; k < mg_stack_count; k++) {
            round_of(&f, mg_stacks[k], mg_stacks[i], MG_POLICY_STRICT);
            round_of(&f, mg_stacks[k], mg_stacks[i], MG_POLICY_MINIMAL);
        }
    pair_fixture_close(&f);
    TEST_END();
}
