/* For each backend's test of a credential handed over in memory (mg_side_config's
 * credential_bytes, as `handshake` gives the user's keys): the shared matrix's client and
 * server chains and keys read into memory and given to the stack under names, with no path.
 * Checked, on TLS 1.2 and 1.3 against the stack itself: both sides from bytes (and a
 * certificate file with the key in memory) complete the handshake; a PKCS#8 DER key does too;
 * a key that is not the leaf's is the client's key-mismatch (or the stack's recorded
 * divergence: `mismatch_verdict`, as the matrix's client-key-mismatch), bytes that are no key its
 * bad-credential, each message naming the bytes; and, for a stack that shares what it parses,
 * equal bytes at another address are parsed once, other bytes again (and to the planner's
 * config sharing, equal bytes are the same side, other bytes another). */
#ifndef MG_MEMORY_CREDENTIAL_FIXTURE_H
#define MG_MEMORY_CREDENTIAL_FIXTURE_H

#include "pair_fixture.h"

#include "parsed_cache.h"
#include "read_file.h"
#include "secret.h"
#include "side_config.h"

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <string.h>

typedef struct {
    unsigned char *data;
    size_t len;
} memory_blob;

typedef struct {
    const mg_stack *stack;
    const mg_artifact *client, *server, *client_root, *server_root;
    int64_t when;
    const char *mismatch_verdict; /* what a key of another certificate gives this stack */
    memory_blob client_chain, client_key, server_chain, server_key, client_key_der;
} memory_setup;

static void blob_free(memory_blob *b)
{
    mg_secret_free(b->data, b->len);
    *b = (memory_blob){NULL, 0};
}

static bool blob_read(const char *path, memory_blob *out)
{
    mg_result r = mg_read_file_capped(path, 1u << 20, &out->data, &out->len);
    if (!mg_ok(r)) fprintf(stderr, "%s\n", mg_error_message());
    return mg_ok(r);
}

/* The PEM key as unencrypted PKCS#8 DER. */
static bool blob_der_key(const memory_blob *pem, memory_blob *out)
{
    BIO *bio = BIO_new_mem_buf(pem->data, (int)pem->len);
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : NULL;
    PKCS8_PRIV_KEY_INFO *p8 = key ? EVP_PKEY2PKCS8(key) : NULL;
    unsigned char *der = NULL;
    int len = p8 ? i2d_PKCS8_PRIV_KEY_INFO(p8, &der) : -1;
    if (len > 0 && (out->data = malloc((size_t)len)) != NULL) {
        memcpy(out->data, der, (size_t)len);
        out->len = (size_t)len;
    }
    OPENSSL_clear_free(der, len > 0 ? (size_t)len : 0);
    PKCS8_PRIV_KEY_INFO_free(p8);
    EVP_PKEY_free(key);
    BIO_free(bio);
    return out->data != NULL;
}

static mg_memory_file as_file(const memory_blob *b, const char *name)
{
    return (mg_memory_file){b->data, b->len, name};
}

static mg_side_config memory_client(const memory_setup *s, mg_tls_version tls)
{
    mg_side_config c = {
        .role = MG_ROLE_CLIENT, .tls = tls, .policy = MG_POLICY_STRICT,
        .trust_file = s->server_root->cert_pem, .server_name = s->server->host,
        .pin_time = true, .verify_time = s->when,
    };
    c.credential_bytes.cert = as_file(&s->client_chain, "memory-client.pem");
    c.credential_bytes.key = as_file(&s->client_key, "memory-client.key");
    return c;
}

static mg_side_config memory_server(const memory_setup *s, mg_tls_version tls)
{
    mg_side_config c = {
        .role = MG_ROLE_SERVER, .tls = tls, .policy = MG_POLICY_STRICT,
        .trust_file = s->client_root->cert_pem, .peer_check = MG_PEER_REQUIRED,
        .pin_time = true, .verify_time = s->when,
    };
    c.credential_bytes.cert = as_file(&s->server_chain, "memory-server.pem");
    c.credential_bytes.key = as_file(&s->server_key, "memory-server.key");
    return c;
}

static mg_pair_result memory_expect(const memory_setup *s, const char *label,
                                    const mg_side_config *c, const mg_side_config *srv,
                                    const char *expected)
{
    mg_pair_result r;
    mg_pair_result_init(&r);
    mg_run_pair(s->stack, c, s->stack, srv, &r);
    char verdict[64];
    mg_verdict_format(r.verdict, verdict, sizeof verdict);
    printf("%s %-22s tls1.%d: %s (%s)\n", s->stack->name, label, c->tls - 10, verdict,
           r.reason_text);
    CHECK_STR(verdict, expected);
    return r;
}

static void memory_check_pairs(const memory_setup *s, mg_tls_version tls)
{
    mg_side_config c = memory_client(s, tls), srv = memory_server(s, tls);
    memory_expect(s, "both-in-memory", &c, &srv, "ok");

    mg_side_config file_cert = srv; /* as handshake does: the chain a file, the key bytes */
    file_cert.credential.cert_file = s->server->chain_pem;
    file_cert.credential_bytes.cert = (mg_memory_file){NULL, 0, NULL};
    memory_expect(s, "file-cert-memory-key", &c, &file_cert, "ok");

    mg_side_config der = c;
    der.credential_bytes.key = as_file(&s->client_key_der, "memory-client.der");
    memory_expect(s, "pkcs8-der-key", &der, &srv, "ok");

    mg_side_config other = c;
    other.credential_bytes.key = as_file(&s->server_key, "memory-client.key");
    mg_pair_result r = memory_expect(s, "key-of-another", &other, &srv, s->mismatch_verdict);
    if (strcmp(s->mismatch_verdict, "client-error:key-mismatch") == 0)
        CHECK(strstr(r.client.native_text, "memory-client") != NULL);

    static const unsigned char junk[] = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n"
                                        "-----END PRIVATE KEY-----\n";
    mg_side_config broken = c;
    broken.credential_bytes.key = (mg_memory_file){junk, sizeof junk - 1, "memory-junk.key"};
    r = memory_expect(s, "no-key-in-bytes", &broken, &srv, "client-error:bad-credential");
    CHECK(strstr(r.client.native_text, "memory-junk.key") != NULL);
}

/* Equal bytes elsewhere are the same credential to the cache; other bytes are not. */
static void memory_check_cache(const memory_setup *s)
{
    mg_parsed_cache *cache = mg_parsed_cache_new();
    mg_side_config first = memory_client(s, MG_TLS13);
    mg_context *a = pair_context(s->stack, &first, cache);
    unsigned long misses = mg_parsed_cache_get_stats(cache).misses;
    memory_blob chain = {NULL, 0}, key = {NULL, 0};
    CHECK(blob_read(s->client->chain_pem, &chain) && blob_read(s->client->key_pem, &key));
    mg_side_config copy = memory_client(s, MG_TLS12);
    copy.credential_bytes.cert = as_file(&chain, "memory-client.pem");
    copy.credential_bytes.key = as_file(&key, "memory-client.key");
    mg_context *b = pair_context(s->stack, &copy, cache);
    CHECK(mg_parsed_cache_get_stats(cache).misses == misses);
    mg_side_config other = copy;
    other.credential_bytes.key = as_file(&s->client_key_der, "memory-client.der");
    mg_context *c = pair_context(s->stack, &other, cache);
    copy.tls = first.tls;
    CHECK(mg_side_config_same(&first, &copy));
    CHECK(mg_side_config_hash(&first) == mg_side_config_hash(&copy));
    other.tls = first.tls;
    CHECK(!mg_side_config_same(&first, &other));
    CHECK(!s->stack->shares_parsed || mg_parsed_cache_get_stats(cache).misses > misses);
    mg_parsed_cache_free(cache);
    if (a) s->stack->context_free(a);
    if (b) s->stack->context_free(b);
    if (c) s->stack->context_free(c);
    blob_free(&chain);
    blob_free(&key);
}

/* The whole check for one stack; the test's exit status. */
static int memory_credential_test(const mg_stack *stack, const char *mismatch_verdict)
{
    pair_fixture f;
    pair_fixture_open(&f, "memory-credential");
    const mg_manifest *m = &f.manifest;
    memory_setup s = {.stack = stack, .mismatch_verdict = mismatch_verdict};
    if (f.ready) {
        s.client = mg_manifest_find(m, "client"), s.server = mg_manifest_find(m, "server");
        s.client_root = mg_manifest_find(m, "client-root");
        s.server_root = mg_manifest_find(m, "server-root");
        s.when = m->reference_time;
    }
    bool ready = f.ready && s.client && s.server && s.client_root && s.server_root &&
                 blob_read(s.client->chain_pem, &s.client_chain) &&
                 blob_read(s.client->key_pem, &s.client_key) &&
                 blob_read(s.server->chain_pem, &s.server_chain) &&
                 blob_read(s.server->key_pem, &s.server_key) &&
                 blob_der_key(&s.client_key, &s.client_key_der);
    CHECK(ready);
    for (int tls = MG_TLS12; ready && tls <= MG_TLS13; tls++) memory_check_pairs(&s, tls);
    if (ready) memory_check_cache(&s);
    blob_free(&s.client_chain), blob_free(&s.client_key), blob_free(&s.client_key_der);
    blob_free(&s.server_chain), blob_free(&s.server_key);
    pair_fixture_close(&f);
    TEST_END();
}

#endif
