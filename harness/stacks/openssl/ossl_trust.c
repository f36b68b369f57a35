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

/* Adds what `path` holds to `store`, parsing it unless an earlier context did; with `names`,
 * the certificates' subjects also become the CA names a server sends (ossl_ca_names.c). */
static bool add_file(X509_STORE *store, mg_parsed_cache *parsed, const char *kind,
                     material_reader read, const char *path, mg_context *names)
{
    mg_parsed_key key;
    mg_parsed_key_init(&key, kind);
    mg_parsed_key_file(&key, path);
    const trust_material *kept = mg_parsed_cache_find(parsed, &key);
    if (kept) return install(store, kept) && (!names || mg_ossl_set_ca_names(names, kept->certs));
    trust_material *fresh = material_new();
    BIO *bio = fresh ? BIO_new_file(path, "rb") : NULL;
    bool ok = bio && read(bio, fresh) && install(store, fresh) &&
              (!names || mg_ossl_set_ca_names(names, fresh->certs));
    BIO_free(bio);
    if (ok)
        mg_parsed_cache_keep(parsed, &key, fresh, material_release);
    else if (fresh)
        material_release(fresh);
    return ok;
}

/* trust_file NULL leaves the store empty: OpenSSL trusts nothing unless told to load the
 * default paths, which a context never does. CRLs are checked under strict only, for the
 * whole chain; a typical application (minimal) loads none. */
bool mg_ossl_load_trust(mg_context *ctx, mg_parsed_cache *parsed, mg_side_outcome *why)
{
    const mg_side_config *cfg = &ctx->config;
    X509_STORE *store = SSL_CTX_get_cert_store(ctx->ssl_ctx);
    bool names = cfg->role == MG_ROLE_SERVER && cfg->ca_names == MG_CA_NAMES_TRUSTED;
    if (cfg->trust_file && !add_file(store, parsed, "openssl-trust", read_trusted,
                                     cfg->trust_file, names ? ctx : NULL))
        return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL,
                                     "cannot load trusted certificates from %s",
                                     cfg->trust_file);
    if (cfg->crl_file && cfg->policy == MG_POLICY_STRICT) {
        if (!add_file(store, parsed, "openssl-crls", read_crls, cfg->crl_file, NULL))
            return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL,
                                         "cannot load CRLs from %s", cfg->crl_file);
        X509_VERIFY_PARAM_set_flags(SSL_CTX_get0_param(ctx->ssl_ctx),
                                    X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
    }
    return true;
}
