/* A context: one SSL_CTX holding everything parsed once (credential, trust, CRLs, the OCSP
 * response, verification parameters), shared by every session made from it. */
#include "ossl_internal.h"

#include <openssl/err.h>

#include <stdlib.h>

mg_context *mg_ossl_context_of(const SSL_CTX *ssl_ctx) { return SSL_CTX_get_app_data(ssl_ctx); }

/* One version exactly; no session cache or tickets (every case is a full handshake); the
 * chain sent is the one given, never completed from the trust store. */
static bool setup_protocol(mg_context *ctx, mg_side_outcome *why)
{
    int version = ctx->config.tls == MG_TLS12 ? TLS1_2_VERSION : TLS1_3_VERSION;
    SSL_CTX *c = ctx->ssl_ctx;
    if (!SSL_CTX_set_min_proto_version(c, version) || !SSL_CTX_set_max_proto_version(c, version))
        return mg_ossl_setup_failure(why, MG_REASON_OTHER, "cannot restrict OpenSSL to TLS 1.%d",
                                     ctx->config.tls == MG_TLS12 ? 2 : 3);
    SSL_CTX_set_mode(c, SSL_MODE_NO_AUTO_CHAIN | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_set_session_cache_mode(c, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_options(c, SSL_OP_NO_TICKET);
    SSL_CTX_set_num_tickets(c, 0);
    mg_ossl_setup_alert_tracking(c);
    mg_ossl_setup_security(ctx);
    return true;
}

void mg_ossl_context_free(mg_context *ctx)
{
    if (!ctx) return;
    SSL_CTX_free(ctx->ssl_ctx);
    mg_ossl_choices_free(ctx->choices);
    OPENSSL_free(ctx->ocsp_der);
    if (ctx->keylog) fclose(ctx->keylog);
    free(ctx);
}

MG_RESULT mg_ossl_context_new(const mg_side_config *config, mg_parsed_cache *parsed,
                              mg_context **out, mg_side_outcome *why)
{
    *out = NULL;
    mg_side_outcome_clear(why);
    ERR_clear_error();
    mg_context *ctx = calloc(1, sizeof *ctx);
    MG_ENSURE(ctx, MG_E_INTERNAL, "out of memory making an OpenSSL context");
    ctx->config = *config;
    ctx->ssl_ctx = SSL_CTX_new(config->role == MG_ROLE_SERVER ? TLS_server_method()
                                                              : TLS_client_method());
    if (!ctx->ssl_ctx) {
        free(ctx);
        ERR_clear_error();
        return mg_fail(MG_E_INTERNAL, "SSL_CTX_new failed");
    }
    SSL_CTX_set_app_data(ctx->ssl_ctx, ctx);
    bool ready = setup_protocol(ctx, why) && mg_ossl_load_credential(ctx, parsed, why) &&
                 mg_ossl_load_trust(ctx, parsed, why) && mg_ossl_setup_verify(ctx, why) &&
                 mg_ossl_setup_ocsp(ctx, why) && mg_ossl_setup_select(ctx, parsed, why) &&
                 mg_ossl_setup_resumption(ctx, why);
    if (!ready) {
        mg_ossl_context_free(ctx);
        return MG_OK; /* `why` holds the verdict */
    }
    mg_result r = mg_ossl_setup_keylog(ctx);
    if (!mg_ok(r)) {
        mg_ossl_context_free(ctx);
        return r;
    }
    *out = ctx;
    return MG_OK;
}
