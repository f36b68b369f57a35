/* Credentials parsed once per process: through one parsed cache, contexts that read the same
 * files parse them once (a TLS version of its own parses nothing; another trust file parses
 * only that file, or for GnuTLS, whose credentials own their keys, builds new credentials
 * from the parsed chain and key); contexts made that way complete handshakes, also after the
 * cache is gone; and a credential file rewritten in place is parsed again. Every stack that
 * declares shares_parsed; the others must still complete their handshakes. */
#include "pair_fixture.h"

#include "parsed_cache.h"

#include <unistd.h>

typedef struct {
    const mg_stack *stack;
    const mg_artifact *client, *server, *client_root, *server_root;
    int64_t when;
} setup;

static mg_side_config client_side(const setup *s, mg_tls_version tls, const char *trust)
{
    return (mg_side_config){
        .role = MG_ROLE_CLIENT, .tls = tls, .policy = MG_POLICY_STRICT,
        .credential = {s->client->chain_pem, s->client->key_pem, NULL, NULL},
        .trust_file = trust, .server_name = s->server->host,
        .pin_time = true, .verify_time = s->when,
    };
}

static unsigned long misses(const mg_parsed_cache *cache)
{
    return mg_parsed_cache_get_stats(cache).misses;
}

static void expect_ok(const setup *s, mg_context *client, mg_context *server)
{
    mg_pair_result r;
    mg_pair_result_init(&r);
    if (client && server) mg_drive_in_memory(s->stack, client, s->stack, server, NULL, &r);
    char verdict[64];
    mg_verdict_format(r.verdict, verdict, sizeof verdict);
    printf("%s: %s (%s)\n", s->stack->name, verdict, r.reason_text);
    CHECK_STR(verdict, "ok");
}

static void check_stack(const setup *s)
{
    mg_parsed_cache *cache = mg_parsed_cache_new();
    mg_side_config tls13 = client_side(s, MG_TLS13, s->server_root->cert_pem);
    mg_side_config tls12 = client_side(s, MG_TLS12, s->server_root->cert_pem);
    mg_side_config other_trust = client_side(s, MG_TLS13, s->client_root->cert_pem);
    mg_side_config server = {
        .role = MG_ROLE_SERVER, .tls = MG_TLS13, .policy = MG_POLICY_STRICT,
        .credential = {s->server->chain_pem, s->server->key_pem, NULL, NULL},
        .trust_file = s->client_root->cert_pem, .peer_check = MG_PEER_REQUIRED,
        .pin_time = true, .verify_time = s->when,
    };
    bool shares = s->stack->shares_parsed;
    mg_context *a = pair_context(s->stack, &tls13, cache);
    unsigned long first = misses(cache);
    CHECK(!shares || first >= 3); /* at least the chain, the key and the trust file */
    CHECK(shares || first == 0);  /* a stack that does not share never asks */
    mg_context *b = pair_context(s->stack, &tls12, cache);
    CHECK(misses(cache) == first);
    /* Another trust file misses, and only what it shapes: OpenSSL's parse of the file and its
     * store (shared by contexts of the same trust, ossl_trust.c); GnuTLS's new credentials,
     * built from the chain and key found parsed. The chain and key are found. */
    mg_context *c = pair_context(s->stack, &other_trust, cache);
    CHECK(shares ? misses(cache) > first && misses(cache) <= first + 2 : misses(cache) == first);
    mg_context *d = pair_context(s->stack, &server, cache);
    mg_parsed_cache_free(cache); /* the contexts hold what they use */
    expect_ok(s, a, d);
    expect_ok(s, a, d);
    s->stack->context_free(a);
    s->stack->context_free(b);
    s->stack->context_free(c);
    s->stack->context_free(d);
}

static void copy_file(const char *from, const char *to)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
    CHECK(system(cmd) == 0);
}

/* The same paths with other contents: parsed again, not served from the cache. */
static void check_rewrite(const setup *s, const char *dir)
{
    char chain[4200], key[4200];
    snprintf(chain, sizeof chain, "%s/%s-chain.pem", dir, s->stack->name);
    snprintf(key, sizeof key, "%s/%s-key.pem", dir, s->stack->name);
    copy_file(s->client->chain_pem, chain);
    copy_file(s->client->key_pem, key);
    mg_parsed_cache *cache = mg_parsed_cache_new();
    mg_side_config c = client_side(s, MG_TLS13, s->server_root->cert_pem);
    c.credential = (mg_credential){chain, key, NULL, NULL};
    mg_context *before = pair_context(s->stack, &c, cache);
    unsigned long first = misses(cache);
    copy_file(s->server->chain_pem, chain);
    copy_file(s->server->key_pem, key);
    mg_context *after = pair_context(s->stack, &c, cache);
    CHECK(!s->stack->shares_parsed || misses(cache) > first);
    mg_parsed_cache_free(cache);
    if (before) s->stack->context_free(before);
    if (after) s->stack->context_free(after);
    unlink(chain);
    unlink(key);
}

int main(void)
{
    pair_fixture f;
    pair_fixture_open(&f, "sharing");
    const mg_manifest *m = &f.manifest;
    if (f.ready) {
        setup s = {NULL, mg_manifest_find(m, "client"), mg_manifest_find(m, "server"),
                   mg_manifest_find(m, "client-root"), mg_manifest_find(m, "server-root"),
                   m->reference_time};
        CHECK(s.client && s.server && s.client_root && s.server_root);
        for (const mg_stack *const *stack = mg_stacks; *stack; stack++) {
            s.stack = *stack;
            check_stack(&s);
            check_rewrite(&s, f.dir);
        }
    }
    pair_fixture_close(&f);
    TEST_END();
}
