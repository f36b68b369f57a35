/* Judgements of a peer's chain remembered within a process (a worker), as gnutls_judged.c and
 * nss_judged.c do for their stacks: the same chain judged by a side that reads alike is run
 * through X509_verify_cert once, not once per case (each run checks every signature of the
 * chain again; in the matrix a chain recurs for every peer stack and every scenario that
 * changes only the other side). The hook is OpenSSL's own for replacing that call,
 * SSL_CTX_set_cert_verify_callback: libssl's ssl_verify_cert_chain sets the store context up
 * (the store, the peer's chain, the SSL's parameters and security level, our verify callback)
 * and then calls it instead of X509_verify_cert.
 *
 * What is remembered is what X509_verify_cert returned, the error and depth it left in the
 * store context, the chain it built (libssl keeps it: SSL_get0_verified_chain, which the
 * OCSP check reads) and what our verify callback saw first (ossl_verify.c). The key covers
 * what that call reads: the store (by its serial: unique for the life of the process, shared
 * by contexts with the same trust, CRLs and instant), the side's settings that make the
 * verification parameters (role, policy, host name, depth, instant) and the parameters as the
 * store context has them (flags, host flags, depth, security level, time), and the chain the
 * peer sent, in order. Not remembered: a side at the wall clock, and a run that queued an
 * OpenSSL error (the outcome reports the first queued error). The host name OpenSSL matched
 * (SSL_get0_peername) is not given again; nothing reads it. */
#include "ossl_internal.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509_vfy.h>

#include <string.h>

#define JUDGED_SLOTS 4096 /* direct-mapped: a collision replaces the older judgement */
#define KEY_LEN 32        /* SHA-256 */

typedef struct {
    bool used;
    unsigned char key[KEY_LEN];
    int verdict; /* X509_verify_cert's return */
    int error, error_depth;
    STACK_OF(X509) *chain; /* the chain it built, or NULL */
    int first_error, first_depth;
    bool first_malformed, first_key_usage;
} judged_slot;

static judged_slot judged[JUDGED_SLOTS];

static void hash_bytes(EVP_MD_CTX *h, const void *data, size_t len)
{
    unsigned char n[8];
    for (int i = 0; i < 8; i++) n[i] = (unsigned char)((uint64_t)len >> (8 * i));
    EVP_DigestUpdate(h, n, sizeof n);
    if (len) EVP_DigestUpdate(h, data, len);
}

static void hash_number(EVP_MD_CTX *h, int64_t v) { hash_bytes(h, &v, sizeof v); }

static void hash_settings(EVP_MD_CTX *h, const mg_context *ctx, X509_STORE_CTX *store_ctx)
{
    const mg_side_config *c = &ctx->config;
    const X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(store_ctx);
    hash_bytes(h, "mtlsgrid openssl judgement 1", 28);
    hash_number(h, (int64_t)ctx->store_serial);
    hash_number(h, c->role);
    hash_number(h, c->policy);
    hash_bytes(h, c->server_name, c->server_name ? strlen(c->server_name) + 1 : 0);
    hash_number(h, c->limit_depth ? c->max_depth : -1);
    hash_number(h, c->verify_time);
    hash_number(h, (int64_t)X509_VERIFY_PARAM_get_flags(param));
    hash_number(h, (int64_t)X509_VERIFY_PARAM_get_inh_flags(param));
    hash_number(h, (int64_t)X509_VERIFY_PARAM_get_hostflags(param));
    hash_number(h, X509_VERIFY_PARAM_get_depth(param));
    hash_number(h, X509_VERIFY_PARAM_get_auth_level(param));
    hash_number(h, (int64_t)X509_VERIFY_PARAM_get_time(param));
}

static bool hash_chain(EVP_MD_CTX *h, X509_STORE_CTX *store_ctx)
{
    STACK_OF(X509) *sent = X509_STORE_CTX_get0_untrusted(store_ctx);
    X509 *leaf = X509_STORE_CTX_get0_cert(store_ctx);
    int count = sent ? sk_X509_num(sent) : 0;
    if (!leaf || count == 0 || sk_X509_value(sent, 0) != leaf) return false;
    hash_number(h, count);
    for (int i = 0; i < count; i++) {
        unsigned char md[EVP_MAX_MD_SIZE];
        unsigned len = 0;
        if (!X509_digest(sk_X509_value(sent, i), EVP_sha256(), md, &len)) return false;
        hash_bytes(h, md, len);
    }
    return true;
}

static bool key_of(const mg_context *ctx, X509_STORE_CTX *store_ctx, unsigned char key[KEY_LEN])
{
    if (!mg_remember_judgements() || !ctx->config.pin_time || ERR_peek_error() != 0) return false;
    EVP_MD_CTX *h = EVP_MD_CTX_new();
    unsigned len = 0;
    bool ok = h && EVP_DigestInit_ex(h, EVP_sha256(), NULL);
    if (ok) hash_settings(h, ctx, store_ctx);
    ok = ok && hash_chain(h, store_ctx) && EVP_DigestFinal_ex(h, key, &len) && len == KEY_LEN;
    EVP_MD_CTX_free(h);
    ERR_clear_error(); /* nothing of a failed hash reaches the outcome */
    return ok;
}

static judged_slot *slot_of(const unsigned char key[KEY_LEN])
{
    return &judged[((unsigned)key[0] | (unsigned)key[1] << 8) % JUDGED_SLOTS];
}

static STACK_OF(X509) *chain_copy(STACK_OF(X509) *chain)
{
    return chain ? X509_chain_up_ref(chain) : NULL;
}

static void give_again(const judged_slot *slot, X509_STORE_CTX *store_ctx, mg_session *s)
{
    X509_STORE_CTX_set0_verified_chain(store_ctx, chain_copy(slot->chain));
    X509_STORE_CTX_set_error(store_ctx, slot->error);
    X509_STORE_CTX_set_error_depth(store_ctx, slot->error_depth);
    s->first_verify_error = slot->first_error;
    s->first_verify_depth = slot->first_depth;
    s->first_verify_malformed = slot->first_malformed;
    s->first_verify_key_usage = slot->first_key_usage;
}

static void remember(judged_slot *slot, const unsigned char key[KEY_LEN], int verdict,
                     X509_STORE_CTX *store_ctx, const mg_session *s)
{
    sk_X509_pop_free(slot->chain, X509_free);
    *slot = (judged_slot){
        .used = true,
        .verdict = verdict,
        .error = X509_STORE_CTX_get_error(store_ctx),
        .error_depth = X509_STORE_CTX_get_error_depth(store_ctx),
        .chain = chain_copy(X509_STORE_CTX_get0_chain(store_ctx)),
        .first_error = s->first_verify_error,
        .first_depth = s->first_verify_depth,
        .first_malformed = s->first_verify_malformed,
        .first_key_usage = s->first_verify_key_usage,
    };
    memcpy(slot->key, key, KEY_LEN);
    if (X509_STORE_CTX_get0_chain(store_ctx) && !slot->chain) slot->used = false;
}

int mg_ossl_verify_chain(X509_STORE_CTX *store_ctx, void *arg)
{
    (void)arg;
    SSL *ssl = X509_STORE_CTX_get_ex_data(store_ctx, SSL_get_ex_data_X509_STORE_CTX_idx());
    mg_session *s = ssl ? mg_ossl_session_of(ssl) : NULL;
    const mg_context *ctx = ssl ? mg_ossl_context_of(SSL_get_SSL_CTX(ssl)) : NULL;
    unsigned char key[KEY_LEN];
    /* an earlier error of this session's would hide what this run's callback saw first */
    bool keyed = s && ctx && s->first_verify_error == X509_V_OK && key_of(ctx, store_ctx, key);
    judged_slot *slot = keyed ? slot_of(key) : NULL;
    if (slot && slot->used && memcmp(slot->key, key, KEY_LEN) == 0) {
        give_again(slot, store_ctx, s);
        return slot->verdict;
    }
    int verdict = X509_verify_cert(store_ctx);
    if (verdict < 0) verdict = 0; /* as libssl treats it when it calls X509_verify_cert */
    if (slot && ERR_peek_error() == 0) remember(slot, key, verdict, store_ctx, s);
    return verdict;
}
