/* The side's own certificate, chain and key: PEM (leaf then chain in one file), DER, or
 * PKCS#12 with its password; certificates and key from files or from bytes in memory (a
 * memory BIO: no copy on disk). The chain is sent exactly as given, in the order given: the
 * context sets SSL_MODE_NO_AUTO_CHAIN so OpenSSL never completes it from the trust store.
 * Each file is parsed once per process when a parsed cache is given: OpenSSL's certificates
 * and keys are reference counted, so every context takes references to the same objects. */
#include "ossl_internal.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>

#include <limits.h>
#include <stdlib.h>

typedef struct {
    X509 *leaf;
    STACK_OF(X509) *chain;
    EVP_PKEY *key;
} credential_parts;

static void parts_free(credential_parts *p)
{
    X509_free(p->leaf);
    sk_X509_pop_free(p->chain, X509_free);
    EVP_PKEY_free(p->key);
}

static void parts_release(void *kept)
{
    parts_free(kept);
    free(kept);
}

/* Adds references to what `from` holds to the empty fields of `to`. */
static bool parts_share(const credential_parts *from, credential_parts *to)
{
    if (from->leaf && !to->leaf && X509_up_ref(from->leaf)) to->leaf = from->leaf;
    if (from->chain && !to->chain) to->chain = X509_chain_up_ref(from->chain);
    if (from->key && !to->key && EVP_PKEY_up_ref(from->key)) to->key = from->key;
    return (!from->leaf || to->leaf) && (!from->chain || to->chain) && (!from->key || to->key);
}

/* An encrypted PEM key fails to load instead of prompting on the terminal. */
static int no_password(char *buf, int size, int rwflag, void *u)
{
    (void)buf, (void)size, (void)rwflag, (void)u;
    return 0;
}

/* True when the PEM reader stopped because no further PEM block exists (not a bad one). */
static bool pem_ran_out(void)
{
    unsigned long err = ERR_peek_last_error();
    return ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_NO_START_LINE;
}

static bool read_certificates(BIO *bio, const char *name, const char *password,
                              credential_parts *p, mg_side_outcome *why)
{
    (void)password; /* PEM certificates are never encrypted */
    p->chain = sk_X509_new_null();
    bool ok = p->chain != NULL;
    X509 *x;
    while (ok && (x = PEM_read_bio_X509(bio, NULL, no_password, NULL)) != NULL) {
        if (!p->leaf)
            p->leaf = x;
        else if (!sk_X509_push(p->chain, x)) {
            X509_free(x);
            ok = false;
        }
    }
    if (ok && pem_ran_out()) {
        ERR_clear_error();
        if (!p->leaf && BIO_reset(bio) == 0) p->leaf = d2i_X509_bio(bio, NULL); /* DER */
        ok = p->leaf != NULL;
    } else {
        ok = false;
    }
    if (!ok)
        return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL,
                                     "cannot read the PEM or DER certificates in %s", name);
    return true;
}

/* PEM or DER, PKCS#8 or the traditional forms: OpenSSL's decoders find out which. */
static bool read_key(BIO *bio, const char *name, const char *password, credential_parts *p,
                     mg_side_outcome *why)
{
    (void)password; /* an encrypted key is refused, see no_password */
    OSSL_DECODER_CTX *dctx = OSSL_DECODER_CTX_new_for_pkey(&p->key, NULL, NULL, NULL,
                                                           EVP_PKEY_KEYPAIR, NULL, NULL);
    if (dctx) {
        OSSL_DECODER_CTX_set_pem_password_cb(dctx, no_password, NULL);
        if (!OSSL_DECODER_from_bio(dctx, bio)) p->key = NULL;
    }
    OSSL_DECODER_CTX_free(dctx);
    if (!p->key)
        return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL,
                                     "%s holds no readable (unencrypted) PEM or DER private key",
                                     name);
    return true;
}

static bool read_pkcs12(BIO *bio, const char *name, const char *password, credential_parts *p,
                        mg_side_outcome *why)
{
    PKCS12 *p12 = d2i_PKCS12_bio(bio, NULL);
    if (!p12)
        return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL, "%s is not a PKCS#12 file",
                                     name);
    int ok = PKCS12_parse(p12, password ? password : "", &p->key, &p->leaf, &p->chain);
    PKCS12_free(p12);
    if (!ok)
        return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL,
                                     "cannot open PKCS#12 file %s (wrong password?)", name);
    if (!p->key || !p->leaf)
        return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL,
                                     "PKCS#12 file %s lacks a certificate or its key", name);
    return true;
}

typedef bool (*parts_reader)(BIO *bio, const char *name, const char *password,
                             credential_parts *p, mg_side_outcome *why);

/* One part of a credential: a file, or its bytes in memory (bytes.data NULL: the file). */
typedef struct {
    const char *kind; /* the cache's name for what is read */
    parts_reader read;
    const char *path;
    mg_memory_file bytes;
    const char *name; /* for messages */
} part_source;

/* A memory BIO reads the caller's bytes in place (read-only, not copied). */
static BIO *source_open(const part_source *src)
{
    if (!src->bytes.data) return BIO_new_file(src->path, "rb");
    if (src->bytes.len > INT_MAX) return NULL;
    return BIO_new_mem_buf(src->bytes.data, (int)src->bytes.len);
}

static bool read_source(const part_source *src, const char *password, credential_parts *p,
                        mg_side_outcome *why)
{
    BIO *bio = source_open(src);
    if (!bio)
        return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL, "cannot read %s", src->name);
    bool ok = src->read(bio, src->name, password, p, why);
    BIO_free(bio);
    return ok;
}

/* Reads `src` into `p`, or takes references to what an earlier context read. */
static bool read_shared(mg_parsed_cache *parsed, const part_source *src, const char *password,
                        credential_parts *p, mg_side_outcome *why)
{
    mg_parsed_key key;
    mg_parsed_key_init(&key, src->kind);
    mg_parsed_key_secret(&key, password);
    mg_parsed_key_file(&key, src->bytes.data ? NULL : src->path);
    mg_parsed_key_bytes(&key, src->bytes.data, src->bytes.len);
    const char *name = src->name;
    const credential_parts *kept = mg_parsed_cache_find(parsed, &key);
    if (kept) {
        return parts_share(kept, p) ||
               mg_ossl_setup_failure(why, MG_REASON_OTHER, "out of memory sharing %s", name);
    }
    credential_parts *fresh = calloc(1, sizeof *fresh);
    if (!fresh)
        return mg_ossl_setup_failure(why, MG_REASON_OTHER, "out of memory reading %s", name);
    bool ok = read_source(src, password, fresh, why);
    if (ok && !parts_share(fresh, p))
        ok = mg_ossl_setup_failure(why, MG_REASON_OTHER, "out of memory sharing %s", name);
    if (ok)
        mg_parsed_cache_keep(parsed, &key, fresh, parts_release);
    else
        parts_release(fresh);
    return ok;
}

/* The security level refused a certificate of our own (ossl_security.c judges them only with
 * screen_own_credential): SSL_R_EE_KEY_TOO_SMALL, CA_KEY_TOO_SMALL or CA_MD_TOO_WEAK. */
static bool below_security_level(void)
{
    unsigned long err = ERR_peek_error();
    int reason = ERR_GET_REASON(err);
    return ERR_GET_LIB(err) == ERR_LIB_SSL &&
           (reason == SSL_R_EE_KEY_TOO_SMALL || reason == SSL_R_CA_KEY_TOO_SMALL ||
            reason == SSL_R_CA_MD_TOO_WEAK);
}

/* Installs the parts; a weak credential of our own is let through by ossl_security.c unless
 * the config asks for the system's policy, whose refusal is named as curl and nginx print it. */
static bool install(mg_context *ctx, const credential_parts *p, mg_side_outcome *why)
{
    const char *cert_name = mg_side_cert_name(&ctx->config);
    const char *key_name = mg_side_key_name(&ctx->config);
    /* A key OpenSSL cannot decode (an unknown algorithm) is an unusable certificate, as
     * SSL_CTX_use_certificate would find; X509_check_private_key alone would call it a key
     * that does not match (it returns 0 when the certificate's key cannot be read). */
    if (!X509_get0_pubkey(p->leaf))
        return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL,
                                     "OpenSSL cannot read the public key of the certificate in %s",
                                     cert_name);
    if (!X509_check_private_key(p->leaf, p->key))
        return mg_ossl_setup_failure(why, MG_REASON_KEY_MISMATCH,
                                     "the key in %s does not match the certificate in %s",
                                     key_name, cert_name);
    if (SSL_CTX_use_cert_and_key(ctx->ssl_ctx, p->leaf, p->key, p->chain, 1)) return true;
    if (below_security_level())
        return mg_ossl_setup_failure(why, MG_REASON_INSECURE_ALGORITHM,
                                     "cannot load its certificate from %s at the system's "
                                     "security level %d",
                                     cert_name, ctx->system_security_level);
    return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL,
                                 "OpenSSL refused the credential from %s", cert_name);
}

bool mg_ossl_load_credential(mg_context *ctx, mg_parsed_cache *parsed, mg_side_outcome *why)
{
    const mg_credential *c = &ctx->config.credential;
    const mg_side_config *cfg = &ctx->config;
    bool has_cert = mg_side_has_cert(cfg), has_key = mg_side_has_key(cfg);
    credential_parts parts = {0};
    bool ok;
    if (c->p12_file) {
        part_source p12 = {"openssl-pkcs12", read_pkcs12, c->p12_file, {0}, c->p12_file};
        ok = read_shared(parsed, &p12, c->p12_password, &parts, why);
    } else if (has_cert && has_key) {
        part_source certs = {"openssl-certificates", read_certificates, c->cert_file,
                             cfg->credential_bytes.cert, mg_side_cert_name(cfg)};
        part_source key = {"openssl-key", read_key, c->key_file, cfg->credential_bytes.key,
                           mg_side_key_name(cfg)};
        ok = read_shared(parsed, &certs, NULL, &parts, why) &&
             read_shared(parsed, &key, NULL, &parts, why);
    } else if (has_cert || has_key) {
        ok = mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL, "%s given without its %s",
                                   has_cert ? mg_side_cert_name(cfg) : mg_side_key_name(cfg),
                                   has_cert ? "key" : "certificate");
    } else {
        return true; /* no credential: a client that sends none */
    }
    if (ok) ok = install(ctx, &parts, why);
    parts_free(&parts);
    return ok;
}

bool mg_ossl_read_pair(mg_parsed_cache *parsed, const mg_credential *cred, X509 **leaf,
                       STACK_OF(X509) **chain, EVP_PKEY **key, mg_side_outcome *why)
{
    credential_parts parts = {0};
    part_source certs = {"openssl-certificates", read_certificates, cred->cert_file, {0},
                         cred->cert_file};
    part_source k = {"openssl-key", read_key, cred->key_file, {0}, cred->key_file};
    bool ok = read_shared(parsed, &certs, NULL, &parts, why) &&
              read_shared(parsed, &k, NULL, &parts, why);
    if (ok && !X509_check_private_key(parts.leaf, parts.key))
        ok = mg_ossl_setup_failure(why, MG_REASON_KEY_MISMATCH,
                                   "the key in %s does not match the certificate in %s",
                                   cred->key_file, cred->cert_file);
    if (!ok) {
        parts_free(&parts);
        return false;
    }
    *leaf = parts.leaf, *chain = parts.chain, *key = parts.key;
    return true;
}
