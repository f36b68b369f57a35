/* TLS 1.3 post-handshake authentication (RFC 8446 4.6.2) with wolfSSL (Debian's 5.5.4 is built
 * with WOLFSSL_POST_HANDSHAKE_AUTH): the client offers the extension after
 * wolfSSL_CTX_allow_post_handshake_auth and answers a CertificateRequest inside wolfSSL_read;
 * the server, with WOLFSSL_VERIFY_POST_HANDSHAKE in its verify mode, asks in no handshake but
 * at wolfSSL_request_certificate, and judges the answer inside wolfSSL_read with the same
 * verify callback and mode as in a handshake. */
#include "wolfssl_internal.h"

#include <wolfssl/error-ssl.h>

#include <stdio.h>

void mg_wolf_setup_post_handshake(const mg_context *ctx, WOLFSSL_CTX *wctx)
{
    const mg_side_config *cfg = &ctx->config;
    if (cfg->role == MG_ROLE_CLIENT && cfg->offer_post_handshake_auth)
        wolfSSL_CTX_allow_post_handshake_auth(wctx);
}

int mg_wolf_post_handshake_verify_flag(const mg_side_config *cfg)
{
    bool asks = cfg->role == MG_ROLE_SERVER && cfg->ask_after_handshake &&
                cfg->peer_check != MG_PEER_NONE;
    return asks ? WOLFSSL_VERIFY_POST_HANDSHAKE : 0;
}

mg_io_status mg_wolf_request_client_cert(mg_session *s, bool *sent)
{
    *sent = s->pha_requested;
    if (s->failed) return MG_IO_FAILED;
    if (s->pha_requested) return MG_IO_DONE;
    mg_wolf_use_time(&s->ctx->config);
    int ret = wolfSSL_request_certificate(s->ssl);
    if (ret == WOLFSSL_SUCCESS) {
        s->pha_requested = *sent = true;
        return MG_IO_DONE;
    }
    s->error = ret;
    if (ret == POST_HAND_AUTH_ERROR && s->ctx->config.peer_check != MG_PEER_REQUIRED)
        return MG_IO_DONE; /* the client did not offer it: unauthenticated, as allowed */
    s->failed = true;
    s->pha_refused = ret == POST_HAND_AUTH_ERROR;
    return MG_IO_FAILED;
}

bool mg_wolf_post_handshake_refusal(const mg_session *s, mg_side_outcome *out)
{
    if (!s->pha_refused) return false;
    out->reason = MG_REASON_NO_CERTIFICATE;
    out->native_code = s->error;
    char words[128];
    mg_wolf_error_text(s->error, words, sizeof words);
    snprintf(out->native_text, sizeof out->native_text,
             "no post-handshake CertificateRequest could be sent: %s", words);
    return true;
}
