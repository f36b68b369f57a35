/* TLS 1.3 post-handshake authentication (RFC 8446 4.6.2). OpenSSL makes it opt-in on both
 * sides (openssl/openssl#6933: enabled implicitly it broke applications that expect the client
 * certificate during the handshake): the client offers the extension only when told
 * (SSL_CTX_set_post_handshake_auth), and a server with SSL_VERIFY_POST_HANDSHAKE asks in no
 * handshake but when SSL_verify_client_post_handshake is called. The client's answer is read
 * and verified, with the same callback and parameters as in a handshake, inside SSL_read. */
#include "ossl_internal.h"

#include <openssl/err.h>

#include <stdio.h>

void mg_ossl_setup_post_handshake(mg_context *ctx)
{
    const mg_side_config *cfg = &ctx->config;
    if (cfg->role == MG_ROLE_CLIENT && cfg->offer_post_handshake_auth)
        SSL_CTX_set_post_handshake_auth(ctx->ssl_ctx, 1);
}

int mg_ossl_post_handshake_verify_flag(const mg_side_config *cfg)
{
    bool asks = cfg->role == MG_ROLE_SERVER && cfg->ask_after_handshake &&
                cfg->peer_check != MG_PEER_NONE;
    return asks ? SSL_VERIFY_POST_HANDSHAKE : 0;
}

/* The request cannot go out: OpenSSL refuses when the client sent no post_handshake_auth
 * (SSL_R_EXTENSION_NOT_RECEIVED), as RFC 8446 4.6.2 forbids a request then. */
static mg_io_status refused(mg_session *s, bool *sent)
{
    unsigned long err = ERR_peek_error();
    *sent = false;
    ERR_clear_error();
    mg_context *ctx = mg_ossl_context_of(SSL_get_SSL_CTX(s->ssl));
    if (ctx->config.peer_check != MG_PEER_REQUIRED) return MG_IO_DONE;
    s->failed = true;
    s->pha_refused = true;
    s->ssl_error = err;
    snprintf(s->failure_text, sizeof s->failure_text, "%s",
             "no post-handshake CertificateRequest could be sent "
             "(SSL_verify_client_post_handshake failed)");
    return MG_IO_FAILED;
}

mg_io_status mg_ossl_request_client_cert(mg_session *s, bool *sent)
{
    *sent = s->pha_requested;
    if (s->failed) return MG_IO_FAILED;
    ERR_clear_error();
    if (!s->pha_requested) {
        if (SSL_verify_client_post_handshake(s->ssl) != 1) return refused(s, sent);
        s->pha_requested = *sent = true;
    }
    /* SSL_do_handshake writes the CertificateRequest; the answer comes through SSL_read. */
    int ret = SSL_do_handshake(s->ssl);
    if (ret == 1) return MG_IO_DONE;
    return mg_ossl_status_of(s, ret);
}

bool mg_ossl_post_handshake_refusal(const mg_session *s, mg_side_outcome *out)
{
    if (!s->pha_refused) return false;
    out->reason = MG_REASON_NO_CERTIFICATE;
    out->native_code = (long)s->ssl_error;
    char words[160] = "";
    if (s->ssl_error) ERR_error_string_n(s->ssl_error, words, sizeof words);
    snprintf(out->native_text, sizeof out->native_text, "%s: %s", s->failure_text,
             words[0] ? words : "no reason given");
    return true;
}
