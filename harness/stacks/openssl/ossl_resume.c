/* Session resumption (RFC 8446 2.2 and 4.6.1, RFC 5077). A resumption server issues
 * stateless tickets under one fixed key (SSL_CTX_set_tlsext_ticket_keys), the same in every
 * resumption context, so a second server made from another config can open a ticket the
 * first one issued, as servers of one deployment sharing a ticket key do; its session id
 * context is fixed too (OpenSSL refuses to resume a verified session without one). The
 * client keeps a copy of SSL_get0_session after its connection (TLS 1.3: after the
 * NewSessionTicket, which it reads with the server's first message) and offers it with
 * SSL_set_session. */
#include "ossl_internal.h"

#include <openssl/err.h>

/* 16 bytes of key name, 32 of HMAC key, 32 of AES key: a test key, never a secret. */
static const unsigned char ticket_keys[80] = "mtlsgrid fixed ticket key: the matrix shares it "
                                             "between resumption servers. ";

static const unsigned char session_context[] = "mtlsgrid";

bool mg_ossl_setup_resumption(mg_context *ctx, mg_side_outcome *why)
{
    (void)why;
    const mg_side_config *cfg = &ctx->config;
    if (!cfg->resumption) return true;
    /* Every other context runs without tickets (setup_protocol): these take them. */
    SSL_CTX_clear_options(ctx->ssl_ctx, SSL_OP_NO_TICKET);
    if (cfg->role != MG_ROLE_SERVER) return true;
    SSL_CTX_set_num_tickets(ctx->ssl_ctx, 1);
    SSL_CTX_set_session_id_context(ctx->ssl_ctx, session_context, sizeof session_context - 1);
    SSL_CTX_set_tlsext_ticket_keys(ctx->ssl_ctx, (void *)ticket_keys, sizeof ticket_keys);
    ERR_clear_error();
    return true;
}

mg_ticket *mg_ossl_ticket_take(mg_session *s)
{
    /* A copy: SSL_free of a connection not shut down removes its session, which marks the
     * SSL_SESSION itself not resumable (ssl_clear_bad_session, SSL_CTX_remove_session). */
    SSL_SESSION *live = SSL_get0_session(s->ssl);
    if (!live || !SSL_SESSION_is_resumable(live)) return NULL;
    return (mg_ticket *)SSL_SESSION_dup(live);
}

bool mg_ossl_ticket_offer(mg_session *s, const mg_ticket *ticket)
{
    return SSL_set_session(s->ssl, (SSL_SESSION *)ticket) == 1;
}

void mg_ossl_ticket_free(mg_ticket *ticket) { SSL_SESSION_free((SSL_SESSION *)ticket); }

void mg_ossl_resumption_state(mg_session *s, mg_resumption_state *out)
{
    out->resumed = SSL_session_reused(s->ssl) == 1;
    X509 *peer = SSL_get1_peer_certificate(s->ssl);
    out->peer_cert = peer != NULL;
    X509_free(peer);
}
