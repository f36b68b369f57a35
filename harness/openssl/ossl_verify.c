/* How this side judges its peer, set through OpenSSL's own API. minimal follows OpenSSL's
 * documented minimal setup (SSL_CTX_set_verify, the trust store, the host name on the
 * client); strict adds the purpose, SAN-only host names without partial wildcards (and the
 * CRLs and OCSP checks, in their files). Depth and the verification instant apply to both. */
#include "ossl_internal.h"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

/* Remembers the first error of the chain (with its depth); never changes the judgement. */
static int record_verify_error(int preverify_ok, X509_STORE_CTX *store_ctx)
{
    if (preverify_ok) return preverify_ok;
    SSL *ssl = X509_STORE_CTX_get_ex_data(store_ctx, SSL_get_ex_data_X509_STORE_CTX_idx());
    mg_session *s = ssl ? mg_ossl_session_of(ssl) : NULL;
    if (s && s->first_verify_error == X509_V_OK) {
        s->first_verify_error = X509_STORE_CTX_get_error(store_ctx);
        s->first_verify_depth = X509_STORE_CTX_get_error_depth(store_ctx);
    }
    return preverify_ok;
}

/* The client always verifies the server; the server as its peer check says. */
static int verify_mode(const mg_side_config *cfg)
{
    if (cfg->role == MG_ROLE_CLIENT) return SSL_VERIFY_PEER;
    switch (cfg->peer_check) {
    case MG_PEER_REQUIRED: return SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    case MG_PEER_OPTIONAL: return SSL_VERIFY_PEER;
    case MG_PEER_NONE: return SSL_VERIFY_NONE;
    }
    return SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT; /* out of range: the safest */
}

/* An IP literal is matched against iPAddress SANs (and gets no SNI); anything else is a DNS
 * name. Under strict the subject CN is never consulted and "f*.example" never matches. */
static bool setup_host(mg_context *ctx, X509_VERIFY_PARAM *param, mg_side_outcome *why)
{
    const char *name = ctx->config.server_name;
    if (ctx->config.role != MG_ROLE_CLIENT || !name || !*name) return true;
    if (X509_VERIFY_PARAM_set1_ip_asc(param, name) == 1) {
        ctx->server_name_is_ip = true;
        return true;
    }
    ERR_clear_error();
    if (ctx->config.policy == MG_POLICY_STRICT)
        X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NEVER_CHECK_SUBJECT |
                                                   X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    if (X509_VERIFY_PARAM_set1_host(param, name, 0) != 1)
        return mg_ossl_setup_failure(why, MG_REASON_OTHER, "cannot verify the host name \"%s\"",
                                     name);
    return true;
}

bool mg_ossl_setup_verify(mg_context *ctx, mg_side_outcome *why)
{
    const mg_side_config *cfg = &ctx->config;
    SSL_CTX *ssl_ctx = ctx->ssl_ctx;
    X509_VERIFY_PARAM *param = SSL_CTX_get0_param(ssl_ctx);
    SSL_CTX_set_verify(ssl_ctx, verify_mode(cfg), record_verify_error);
    if (!setup_host(ctx, param, why)) return false;
    if (cfg->policy == MG_POLICY_STRICT) {
        bool judging_client = cfg->role == MG_ROLE_SERVER;
        X509_VERIFY_PARAM_set_purpose(param, judging_client ? X509_PURPOSE_SSL_CLIENT
                                                            : X509_PURPOSE_SSL_SERVER);
    }
    if (cfg->max_depth > 0) SSL_CTX_set_verify_depth(ssl_ctx, cfg->max_depth);
    if (cfg->verify_time != 0) {
        X509_VERIFY_PARAM_set_time(param, (time_t)cfg->verify_time);
        /* The store's own parameters serve OCSP_basic_verify (the staple's signer chain). */
        X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(SSL_CTX_get_cert_store(ssl_ctx)),
                                   (time_t)cfg->verify_time);
    }
    return true;
}
