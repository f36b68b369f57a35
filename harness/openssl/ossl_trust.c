/* What this side trusts for its peer's chain, and the CRLs it checks the chain against. */
#include "ossl_internal.h"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

/* Loads the CRLs of `path` (PEM, or one DER CRL) into the store; the count loaded. */
static int load_crls(X509_STORE *store, const char *path)
{
    X509_LOOKUP *lookup = X509_STORE_add_lookup(store, X509_LOOKUP_file());
    if (!lookup) return 0;
    int n = X509_load_crl_file(lookup, path, X509_FILETYPE_PEM);
    if (n > 0) return n;
    ERR_clear_error();
    return X509_load_crl_file(lookup, path, X509_FILETYPE_ASN1);
}

/* trust_file NULL leaves the store empty: OpenSSL trusts nothing unless told to load the
 * default paths, which a context never does. CRLs are checked under strict only, for the
 * whole chain; a typical application (minimal) loads none. */
bool mg_ossl_load_trust(mg_context *ctx, mg_side_outcome *why)
{
    const mg_side_config *cfg = &ctx->config;
    if (cfg->trust_file && SSL_CTX_load_verify_file(ctx->ssl_ctx, cfg->trust_file) != 1)
        return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL,
                                     "cannot load trusted certificates from %s",
                                     cfg->trust_file);
    if (cfg->crl_file && cfg->policy == MG_POLICY_STRICT) {
        if (load_crls(SSL_CTX_get_cert_store(ctx->ssl_ctx), cfg->crl_file) <= 0)
            return mg_ossl_setup_failure(why, MG_REASON_BAD_CREDENTIAL,
                                         "cannot load CRLs from %s", cfg->crl_file);
        X509_VERIFY_PARAM_set_flags(SSL_CTX_get0_param(ctx->ssl_ctx),
                                    X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
    }
    return true;
}
