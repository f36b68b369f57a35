/* One connection: an SSL over the session's transport, stepped by handshake/send/recv. A
 * failure is recorded once, with OpenSSL's first queued error, for outcome() to explain. */
#include "ossl_internal.h"

#include <openssl/err.h>

#include <stdlib.h>
#include <string.h>

mg_session *mg_ossl_session_of(const SSL *ssl) { return SSL_get_app_data(ssl); }

void mg_ossl_session_free(mg_session *session)
{
    if (!session) return;
    SSL_free(session->ssl); /* frees the BIO too */
    free(session);
}

MG_RESULT mg_ossl_session_new(mg_context *ctx, const mg_transport *io, mg_session **out,
                              mg_side_outcome *why)
{
    *out = NULL;
    mg_side_outcome_clear(why);
    ERR_clear_error();
    mg_session *s = calloc(1, sizeof *s);
    MG_ENSURE(s, MG_E_INTERNAL, "out of memory making an OpenSSL session");
    s->io = *io;
    s->alert_sent = s->alert_received = MG_NO_ALERT;
    s->ssl = SSL_new(ctx->ssl_ctx);
    BIO *bio = s->ssl ? mg_ossl_bio_new(&s->io) : NULL;
    if (!bio) {
        mg_ossl_session_free(s);
        ERR_clear_error();
        return mg_fail(MG_E_INTERNAL, "cannot make an OpenSSL session (out of memory?)");
    }
    SSL_set_bio(s->ssl, bio, bio);
    SSL_set_app_data(s->ssl, s);
    if (ctx->config.role == MG_ROLE_SERVER) {
        SSL_set_accept_state(s->ssl);
    } else {
        SSL_set_connect_state(s->ssl);
        const char *name = ctx->config.server_name;
        if (name && *name && !ctx->server_name_is_ip && !SSL_set_tlsext_host_name(s->ssl, name)) {
            mg_ossl_setup_failure(why, MG_REASON_OTHER, "cannot send \"%s\" as SNI", name);
            mg_ossl_session_free(s);
            return MG_OK;
        }
    }
    *out = s;
    return MG_OK;
}

/* The error that says why the handshake failed: libssl's own (its SSLfatal reason), else the
 * first queued one. From OpenSSL 3.2 on, a verify that fails without a provider error queues
 * EVP_R_PROVIDER_SIGNATURE_FAILURE (crypto/evp/m_sigver.c, EVP_DigestVerifyFinal) before
 * libssl's SSL_R_BAD_SIGNATURE, so the first error alone no longer names the rejection. */
static unsigned long handshake_error(void)
{
    unsigned long first = ERR_peek_error(), err;
    for (int i = 0; i < 64 && (err = ERR_get_error()) != 0; i++) /* the queue holds at most 16 */
        if (ERR_GET_LIB(err) == ERR_LIB_SSL) return err;
    return first;
}

/* Keeps the first failure: OpenSSL's reason for it, or what happened on the wire. */
static void record_failure(mg_session *s, int ssl_error)
{
    if (!s->failed) {
        s->failed = true;
        s->ssl_error = handshake_error();
        const char *what = ssl_error == SSL_ERROR_SYSCALL ? "the transport failed or closed"
                                                          : "OpenSSL reported no error";
        snprintf(s->failure_text, sizeof s->failure_text, "%s", what);
    }
    ERR_clear_error();
}

mg_io_status mg_ossl_status_of(mg_session *s, int ret)
{
    int err = SSL_get_error(s->ssl, ret);
    if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) return MG_IO_WANT;
    record_failure(s, err);
    return MG_IO_FAILED;
}

mg_io_status mg_ossl_handshake(mg_session *s)
{
    if (s->failed) return MG_IO_FAILED;
    if (s->handshake_done) return MG_IO_DONE;
    ERR_clear_error();
    int ret = SSL_do_handshake(s->ssl);
    if (ret != 1) return mg_ossl_status_of(s, ret);
    s->handshake_done = true;
    return MG_IO_DONE;
}

mg_io_status mg_ossl_send(mg_session *s, const void *data, size_t len)
{
    if (s->failed) return MG_IO_FAILED;
    ERR_clear_error();
    size_t written = 0;
    int ret = SSL_write_ex(s->ssl, data, len, &written);
    return ret == 1 ? MG_IO_DONE : mg_ossl_status_of(s, ret);
}

mg_io_status mg_ossl_recv(mg_session *s, void *buf, size_t cap, size_t *got)
{
    *got = 0;
    if (s->failed) return MG_IO_FAILED;
    ERR_clear_error();
    int ret = SSL_read_ex(s->ssl, buf, cap, got);
    if (ret == 1) return MG_IO_DONE;
    /* A close_notify ends the stream cleanly: DONE with nothing read, not a failure. */
    if (SSL_get_error(s->ssl, ret) == SSL_ERROR_ZERO_RETURN) return MG_IO_DONE;
    return mg_ossl_status_of(s, ret);
}
