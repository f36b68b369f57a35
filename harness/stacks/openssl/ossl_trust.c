/* What this side trusts for its peer's chain, and the CRLs it checks the chain against.
 * Each file is parsed once per process when a parsed cache is given; every context's store
 * then takes references to the same certificates and CRLs. */
#include "ossl_internal.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509_vfy.h>

#include <stdlib.h>

/* The certificates and CRLs of one file, as OpenSSL's file lookup would add them. */
typedef struct {
    STACK_OF(X509) *certs;
    STACK_OF(X509_CRL) *crls;
} trust_material;

static void material_release(void *kept)
{
    trust_material *m = kept;
    sk_X509_pop_free(m->certs, X509_free);
    sk_X509_CRL_pop_free(m->crls, X509_CRL_free);
    free(m);
}

static trust_material *material_new(void)
{
    trust_material *m = calloc(1, sizeof *m);
    if (m && (!(m->certs = sk_X509_new_null()) || !(m->crls = sk_X509_CRL_new_null()))) {
        material_release(m);
        m = NULL;
    }
    return m;
}

/* As SSL_CTX_load_verify_file (X509_load_cert_crl_file): every certificate and CRL of a PEM
 * file; nothing at all when a block is corrupt or there is none. */
static bool read_trusted(BIO *bio, trust_material *m)
{
    STACK_OF(X509_INFO) *infos = PEM_X509_INFO_read_bio(bio, NULL, NULL, "");
    bool ok = infos != NULL;
    for (int i = 0; ok && i < sk_X509_INFO_num(infos); i++) {
        X509_INFO *info = sk_X509_INFO_value(infos, i);
        if (info->x509 && sk_X509_push(m->certs, info->x509)) info->x509 = NULL;
        if (info->crl && sk_X509_CRL_push(m->crls, info->crl)) info->crl = NULL;
        ok = !info->x509 && !info->crl;
    }
    sk_X509_INFO_pop_free(infos, X509_INFO_free);
    return ok && sk_X509_num(m->certs) + sk_X509_CRL_num(m->crls) > 0;
}

/* As X509_load_crl_file: the CRLs of a PEM file, or else one DER CRL. */
static bool read_crls(BIO *bio, trust_material *m)
{
    X509_CRL *crl;
    while ((crl = PEM_read_bio_X509_CRL(bio, NULL, NULL, "")) != NULL)
        if (!sk_X509_CRL_push(m->crls, crl)) {
            X509_CRL_free(crl);
            return false;
        }
    unsigned long err = ERR_peek_last_error();
    bool ran_out = ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_NO_START_LINE;
    ERR_clear_error();
    if (ran_out && sk_X509_CRL_num(m->crls) > 0) return true;
    sk_X509_CRL_pop_free(m->crls, X509_CRL_free);
    m->crls = sk_X509_CRL_new_null();
    if (!m->crls || BIO_reset(bio) != 0) return false;
    crl = d2i_X509_CRL_bio(bio, NULL);
    if (crl && sk_X509_CRL_push(m->crls, crl)) return true;
    X509_CRL_free(crl);
    return false;
}

static bool install(X509_STORE *store, const trust_material *m)
{
    bool ok = true;
    for (int i = 0; ok && i < sk_X509_num(m->certs); i++)
        ok = X509_STORE_add_cert(store, sk_X509_value(m->certs, i));
    for (int i = 0; ok && i < sk_X509_CRL_num(m->crls); i++)
        ok = X509_STORE_add_crl(store, sk_X509_CRL_value(m->crls, i));
    return ok;
}

typedef bool (*material_reader)(BIO *bio, trust_material *m);

/* Also hands the certificates to `trusted` (references), for the CA names a server sends. */
static bool copy_certs(const STACK_OF(X509) *from, STACK_OF(X509) *trusted)
{
    for (int i = 0; trusted && i < sk_X509_num(from); i++) {
        X509 *cert = sk_X509_value(from, i);
        if (!X509_up_ref(cert)) return false;
        if (!sk_X509_push(trusted, cert)) {
            X509_free(cert);
            return false;
        }
    }
    return true;
}

/* Adds what `path` holds to `store`, parsing it unless an earlier context did; with
 * `trusted`, its certificates are also added there (ossl_ca_names.c names their subjects). */
static bool add_file(X509_STORE *store, mg_parsed_cache *parsed, const char *kind,
                     material_reader read, const char *path, STACK_OF(X509) *trusted)
{
    mg_parsed_key key;
    mg_parsed_key_init(&key, kind);
    mg_parsed_key_file(&key, path);
    const trust_material *kept = mg_parsed_cache_find(parsed, &key);
    if (kept) return install(store, kept) && copy_certs(kept->certs, trusted);
    trust_material *fresh = material_new();
    BIO *bio = fresh ? BIO_new_file(path, "rb") : NULL;
    bool ok = bio && read(bio, fresh) && install(store, fresh) &&
              copy_certs(fresh->certs, trusted);
    BIO_free(bio);
    if (ok)
        mg_parsed_cache_keep(parsed, &key, fresh, material_release);
    else if (fresh)
        material_release(fresh);
    return ok;
}

/* A context's whole store, shared by contexts with the same trust, CRLs and instant: adding
 * certificates to a store is quadratic (X509_STORE_add_cert sorts the store to look for a
 * duplicate on every add), so a store of hundreds of CAs costs more to fill than a handshake.
 * Nothing changes a store after this but the pinned instant, which is part of the key. */
typedef struct {
    X509_STORE *store;
    STACK_OF(X509) *trusted; /* the trusted certificates, for the CA names a server sends */
    unsigned long serial;    /* names the store in remembered judgements (ossl_judged.c) */
} shared_store;

static void shared_store_release(void *kept)
{
    shared_store *s = kept;
    X509_STORE_free(s->store);
    sk_X509_pop_free(s->trusted, X509_free);
    free(s);
}

static bool fill_store(const mg_side_config *cfg, mg_parsed_cache *parsed, bool crls,
                       shared_store *s, mg_side_outcome *why)
{
    if (cfg->trust_file && !add_file(s->store, parsed, "openssl-trust", read_trusted,
                                     cfg->trust_file, s->trusted))
        return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL,
                                     "cannot load trusted certificates from %s",
                                     cfg->trust_file);
    if (crls && !add_file(s->store, parsed, "openssl-crls", read_crls, cfg->crl_file, NULL))
        return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL, "cannot load CRLs from %s",
                                     cfg->crl_file);
    return true;
}

/* trust_file NULL leaves the store empty: OpenSSL trusts nothing unless told to load the
 * default paths, which a context never does. CRLs are checked under strict only, for the
 * whole chain; a typical application (minimal) loads none. */
bool mg_ossl_load_trust(mg_context *ctx, mg_parsed_cache *parsed, mg_side_outcome *why)
{
    const mg_side_config *cfg = &ctx->config;
    bool crls = cfg->crl_file && cfg->policy == MG_POLICY_STRICT;
    mg_parsed_key key;
    mg_parsed_key_init(&key, "openssl-store");
    mg_parsed_key_file(&key, cfg->trust_file);
    mg_parsed_key_file(&key, crls ? cfg->crl_file : NULL);
    mg_parsed_key_int(&key, cfg->pin_time ? cfg->verify_time : -1);
    shared_store *s = mg_parsed_cache_find(parsed, &key);
    bool fresh = !s;
    if (fresh) {
        s = calloc(1, sizeof *s);
        if (s && (!(s->store = X509_STORE_new()) || !(s->trusted = sk_X509_new_null()))) {
            shared_store_release(s);
            s = NULL;
        }
        if (!s) return mg_ossl_setup_failure(why, MG_REASON_OTHER, "out of memory");
        static unsigned long stores_made;
        s->serial = ++stores_made;
        if (!fill_store(cfg, parsed, crls, s, why)) {
            shared_store_release(s);
            return false;
        }
    }
    X509_STORE_up_ref(s->store);
    ctx->store_serial = s->serial;
    SSL_CTX_set_cert_store(ctx->ssl_ctx, s->store); /* takes that reference */
    if (crls)
        X509_VERIFY_PARAM_set_flags(SSL_CTX_get0_param(ctx->ssl_ctx),
                                    X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
    bool names = cfg->role == MG_ROLE_SERVER && cfg->ca_names == MG_CA_NAMES_TRUSTED &&
                 cfg->trust_file;
    bool ok = !names || mg_ossl_set_ca_names(ctx, s->trusted);
    /* kept, or released at once when there is no cache: the context holds its own reference */
    if (fresh) mg_parsed_cache_keep(parsed, &key, s, shared_store_release);
    if (!ok)
        return mg_ossl_setup_failure(why, MG_REASON_OTHER, "cannot name the CAs of %s",
                                     cfg->trust_file);
    return true;
}
