/* NSS's remembered judgements (nss_judged.c) count the store's other certificates where NSS's
 * chain builder can pick them: a client that sends its leaf alone is judged apart by a server
 * whose own file also holds the client's CA (NSS completes the chain from it), and judged
 * again, as before, by the plain server. The rest of the contract, for every stack that
 * remembers, is tests/unit/harness/judged_again_test.c. */
#include "nss_internal.h"
#include "pair_fixture.h"
#include "registry.h"

#include <stdio.h>
#include <string.h>

extern const mg_stack mg_stack_nss;

/* The client's bare leaf against an NSS server (strict, trusting client-root) whose own file
 * is `server_file`; the verdict into out. */
static void bare_leaf(const pair_fixture *f, const mg_stack *client_stack,
                      const char *server_file, char *out, size_t len)
{
    const mg_manifest *m = &f->manifest;
    const mg_artifact *client = mg_manifest_find(m, "client");
    const mg_artifact *server = mg_manifest_find(m, "server");
    const mg_artifact *client_root = mg_manifest_find(m, "client-root");
    const mg_artifact *server_root = mg_manifest_find(m, "server-root");
    mg_side_config c = pair_client_config(m, client->cert_pem, client->key_pem,
                                          server_root->cert_pem, server->host, MG_TLS13,
                                          MG_POLICY_STRICT);
    mg_side_config s = pair_server_config(m, server_file, server->key_pem, client_root->cert_pem,
                                          MG_TLS13, MG_POLICY_STRICT);
    mg_pair_result r;
    mg_pair_result_init(&r);
    mg_run_pair(client_stack, &c, &mg_stack_nss, &s, &r);
    mg_verdict_format(r.verdict, out, len);
    printf("bare client leaf from %s, server file %s: %s (%s)\n", client_stack->name,
           server_file, out, r.reason_text);
}

static bool append_file(const char *from, FILE *to)
{
    FILE *in = fopen(from, "rb");
    if (!in) return false;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, to);
    fclose(in);
    return true;
}

static void own_certificates_count(const pair_fixture *f, const mg_stack *client_stack)
{
    const mg_manifest *m = &f->manifest;
    const mg_artifact *server = mg_manifest_find(m, "server");
    const mg_artifact *client_ca = mg_manifest_find(m, "client-ca");
    CHECK(server && client_ca);
    if (!server || !client_ca) return;
    char both[4200];
    snprintf(both, sizeof both, "%s/server-and-client-ca.pem", f->dir);
    FILE *out = fopen(both, "wb");
    CHECK(out != NULL);
    if (!out) return;
    bool written = append_file(server->chain_pem, out) && append_file(client_ca->cert_pem, out);
    CHECK(fclose(out) == 0 && written);
    char plain[64], with_ca[64], again[64];
    bare_leaf(f, client_stack, server->chain_pem, plain, sizeof plain);
    bare_leaf(f, client_stack, both, with_ca, sizeof with_ca);
    bare_leaf(f, client_stack, server->chain_pem, again, sizeof again);
    CHECK_STR(plain, "server-rejects:unknown-ca");
    CHECK(strcmp(with_ca, plain) != 0); /* NSS finds the issuer among the server's own */
    CHECK_STR(again, plain);
}

int main(void)
{
    pair_fixture f;
    pair_fixture_open(&f, "nss-judged");
    size_t before = mg_nss_judgements_reused();
    for (size_t i = 0; f.ready && i < mg_stack_count; i++)
        if (mg_stacks[i] != &mg_stack_nss) own_certificates_count(&f, mg_stacks[i]);
    /* Each peer's bare leaf against the plain server was judged again. */
    printf("judgements given again: %zu\n", mg_nss_judgements_reused() - before);
    CHECK(mg_nss_judgements_reused() - before >= mg_stack_count - 1);
    pair_fixture_close(&f);
    TEST_END();
}
