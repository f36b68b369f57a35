/* How this side judges its peer, set through OpenSSL's own API. minimal follows OpenSSL's
 * documented minimal setup (SSL_CTX_set_verify, the trust store, the host name on the
 * client); strict adds the purpose, SAN-only host names without partial wildcards, the
 * RFC 5280 strictness and policy checks, security level 2 (and the CRLs and OCSP checks, in
 * their files). Depth and the verification instant apply to both. */
#include "ossl_internal.h"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

/* 112-bit security: RSA and DH of at least 2048 bits, ECC of at least 224, no SHA-1. */
#define MG_OSSL_STRICT_SECURITY_LEVEL 2

/* Error 26 ("unsuitable certificate purpose") at the leaf is OpenSSL's purpose check, which
 * covers the keyUsage too: a TLS client certificate needs digitalSignature or keyAgreement,
 * a server certificate one of digitalSignature, keyEncipherment or keyAgreement. When the
 * EKU allows the role, it is the key usage that was refused. */
static bool purpose_is_key_usage(SSL *ssl, X509 *leaf)
{
    if (!leaf) return false;
    bool peer_is_client = SSL_is_server(ssl);
    uint32_t flags = X509_get_extension_flags(leaf);
    uint32_t want_xku = peer_is_client ? XKU_SSL_CLIENT : XKU_SSL_SERVER;
    bool eku_ok = !(flags & EXFLAG_XKUSAGE) || (X509_get_extended_key_usage(leaf) & want_xku);
    uint32_t need = peer_is_client ? KU_DIGITAL_SIGNATURE | KU_KEY_AGREEMENT
                                   : KU_DIGITAL_SIGNATURE | KU_KEY_ENCIPHERMENT | KU_KEY_AGREEMENT;
    return eku_ok && (flags & EXFLAG_KUSAGE) && !(X509_get_key_usage(leaf) & need);
}

/* Remembers the first error of the chain (with its depth, and whether the certificate there is
 * malformed); never changes the judgement. */
static int record_verify_error(int preverify_ok, X509_STORE_CTX *store_ctx)
{
    if (preverify_ok) return preverify_ok;
    SSL *ssl = X509_STORE_CTX_get_ex_data(store_ctx, SSL_get_ex_data_X509_STORE_CTX_idx());
    mg_session *s = ssl ? mg_ossl_session_of(ssl) : NULL;
    if (s && s->first_verify_error == X509_V_OK) {
        s->first_verify_error = X509_STORE_CTX_get_error(store_ctx);
        s->first_verify_depth = X509_STORE_CTX_get_error_depth(store_ctx);
        X509 *cert = X509_STORE_CTX_get_current_cert(store_ctx);
        s->first_verify_malformed = cert && (X509_get_extension_flags(cert) & EXFLAG_INVALID);
        s->first_verify_key_usage = s->first_verify_error == X509_V_ERR_INVALID_PURPOSE &&
                                    s->first_verify_depth == 0 && purpose_is_key_usage(ssl, cert);
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

/* The checks OpenSSL offers beyond its defaults: RFC 5280 structure rules (X509_STRICT: empty
 * SAN, missing AKI, non-critical basicConstraints in a CA, ...), certificate policy processing
 * (requireExplicitPolicy in the chain; the initial policy set stays anyPolicy), the signature
 * of a self-signed trust anchor, and at least security level 2 (112 bits: no RSA-1024, no
 * SHA-1) whatever the system's openssl.cnf says. libssl verifies at the SSL's security level,
 * so that is what is raised; ossl_security.c still waives it for this side's own chain. */
static void setup_strict_checks(SSL_CTX *ssl_ctx, X509_VERIFY_PARAM *param)
{
    X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_X509_STRICT | X509_V_FLAG_POLICY_CHECK |
                                           X509_V_FLAG_CHECK_SS_SIGNATURE);
    if (SSL_CTX_get_security_level(ssl_ctx) < MG_OSSL_STRICT_SECURITY_LEVEL)
        SSL_CTX_set_security_level(ssl_ctx, MG_OSSL_STRICT_SECURITY_LEVEL);
}

bool mg_ossl_setup_verify(mg_context *ctx, mg_side_outcome *why)
{
    const mg_side_config *cfg = &ctx->config;
    SSL_CTX *ssl_ctx = ctx->ssl_ctx;
    X509_VERIFY_PARAM *param = SSL_CTX_get0_param(ssl_ctx);
    SSL_CTX_set_verify(ssl_ctx, verify_mode(cfg) | mg_ossl_post_handshake_verify_flag(cfg),
                       record_verify_error);
    SSL_CTX_set_cert_verify_callback(ssl_ctx, mg_ossl_verify_chain, NULL);
    mg_ossl_setup_post_handshake(ctx);
    if (!setup_host(ctx, param, why)) return false;
    if (cfg->policy == MG_POLICY_STRICT) {
        bool judging_client = cfg->role == MG_ROLE_SERVER;
        X509_VERIFY_PARAM_set_purpose(param, judging_client ? X509_PURPOSE_SSL_CLIENT
                                                            : X509_PURPOSE_SSL_SERVER);
        setup_strict_checks(ssl_ctx, param);
    }
    if (cfg->limit_depth) SSL_CTX_set_verify_depth(ssl_ctx, cfg->max_depth);
    if (cfg->pin_time) {
        X509_VERIFY_PARAM_set_time(param, (time_t)cfg->verify_time);
        /* The store's own parameters serve OCSP_basic_verify (the staple's signer chain). */
        X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(SSL_CTX_get_cert_store(ssl_ctx)),
                                   (time_t)cfg->verify_time);
    }
    return true;
}
