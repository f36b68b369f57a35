/* A client holding two credentials answers a CertificateRequest with the one whose chain the
 * server's CA names name, and with an empty Certificate when neither does (RFC 8446 4.4.2.3:
 * "at least one of the certificates in the certificate chain SHOULD be issued by one of the
 * listed CAs"; 4.4.2 / RFC 5246 7.4.6: with no suitable certificate, the client sends none).
 * OpenSSL has no such choice of its own: an application makes it in a certificate callback
 * (SSL_CTX_set_cert_cb, run on a client once the CertificateRequest is read) from the names
 * OpenSSL kept (SSL_get0_peer_CA_list: TLS 1.2's list or TLS 1.3's extension). An empty list
 * leaves the first credential, which the context loaded as usual. */
#include "ossl_internal.h"

#include <stdlib.h>

typedef struct {
    X509 *leaf;
    STACK_OF(X509) *chain;
    EVP_PKEY *key;
} choice;

struct mg_ossl_choices {
    choice each[2];
};

void mg_ossl_choices_free(struct mg_ossl_choices *choices)
{
    if (!choices) return;
    for (int i = 0; i < 2; i++) {
        X509_free(choices->each[i].leaf);
        sk_X509_pop_free(choices->each[i].chain, X509_free);
        EVP_PKEY_free(choices->each[i].key);
    }
    free(choices);
}

static bool listed(const X509_NAME *name, const STACK_OF(X509_NAME) *names)
{
    for (int i = 0; i < sk_X509_NAME_num(names); i++)
        if (X509_NAME_cmp(name, sk_X509_NAME_value(names, i)) == 0) return true;
    return false;
}

/* Whether a certificate of the chain (the leaf or one sent after it) has a listed issuer. */
static bool named(const choice *c, const STACK_OF(X509_NAME) *names)
{
    if (listed(X509_get_issuer_name(c->leaf), names)) return true;
    for (int i = 0; i < sk_X509_num(c->chain); i++)
        if (listed(X509_get_issuer_name(sk_X509_value(c->chain, i)), names)) return true;
    return false;
}

static int choose(SSL *ssl, void *arg)
{
    const struct mg_ossl_choices *choices = arg;
    const STACK_OF(X509_NAME) *names = SSL_get0_peer_CA_list(ssl);
    if (!names || sk_X509_NAME_num(names) == 0) return 1;
    for (int i = 0; i < 2; i++) {
        const choice *c = &choices->each[i];
        if (named(c, names)) return SSL_use_cert_and_key(ssl, c->leaf, c->key, c->chain, 1);
    }
    SSL_certs_clear(ssl); /* no credential fits: an empty Certificate, not a failure */
    return 1;
}

bool mg_ossl_setup_select(mg_context *ctx, mg_parsed_cache *parsed, mg_side_outcome *why)
{
    const mg_side_config *cfg = &ctx->config;
    if (cfg->role != MG_ROLE_CLIENT || !cfg->alt_credential.cert_file) return true;
    if (!cfg->credential.cert_file || cfg->credential.p12_file)
        return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL,
                                     "a second credential needs a first one from files");
    ctx->choices = calloc(1, sizeof *ctx->choices);
    if (!ctx->choices) return mg_ossl_setup_failure(why, MG_REASON_OTHER, "out of memory");
    const mg_credential *creds[2] = {&cfg->credential, &cfg->alt_credential};
    for (int i = 0; i < 2; i++) {
        choice *c = &ctx->choices->each[i];
        if (!mg_ossl_read_pair(parsed, creds[i], &c->leaf, &c->chain, &c->key, why))
            return false;
    }
    SSL_CTX_set_cert_cb(ctx->ssl_ctx, choose, ctx->choices);
    return true;
}
