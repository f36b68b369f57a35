/* One connection: a WOLFSSL on the context's WOLFSSL_CTX, brought back to what the context
 * says first, or on one of its own (see wolfssl_internal.h), over the session's transport,
 * stepped by handshake/send/recv. The first failure is kept for outcome(). */
#include "wolfssl_internal.h"

#include <stdlib.h>

/* The index under which a WOLFSSL keeps its session (no one else sets ex data on it). */
#define MG_WOLF_EX_SESSION 0

mg_session *mg_wolf_session_of(WOLFSSL *ssl)
{
    return wolfSSL_get_ex_data(ssl, MG_WOLF_EX_SESSION);
}

void mg_wolf_session_free(mg_session *s)
{
    if (!s) return;
    if (s->ssl) wolfSSL_free(s->ssl);
    if (s->own_wctx)
        wolfSSL_CTX_free(s->own_wctx);
    else if (s->ssl)
        s->ctx->live_sessions--;
    free(s);
}

/* A client that requires a staple judges it with the certificate manager's OCSP cache. */
static bool needs_own_wctx(const mg_context *ctx)
{
    const mg_side_config *cfg = &ctx->config;
    bool ocsp_client = cfg->role == MG_ROLE_CLIENT && cfg->require_ocsp &&
                       cfg->policy == MG_POLICY_STRICT;
    return ocsp_client || ctx->live_sessions > 0;
}

/* The WOLFSSL_CTX the session runs on, ready: the context's or one of its own. */
static MG_RESULT pick_wctx(mg_session *s, WOLFSSL_CTX **out, mg_side_outcome *why)
{
    mg_context *ctx = s->ctx;
    *out = NULL;
    if (needs_own_wctx(ctx)) {
        MG_WOLF_STEP(mg_wolf_build(ctx, &s->own_wctx, why), why);
        *out = s->own_wctx;
        return MG_OK;
    }
    if (ctx->wctx_used) MG_WOLF_STEP(mg_wolf_forget_learned(ctx, ctx->wctx, why), why);
    ctx->wctx_used = true;
    *out = ctx->wctx;
    return MG_OK;
}

static MG_RESULT configure(mg_session *s, mg_side_outcome *why)
{
    WOLFSSL_CTX *wctx;
    MG_WOLF_STEP(pick_wctx(s, &wctx, why), why);
    s->ssl = wolfSSL_new(wctx);
    MG_ENSURE(s->ssl, MG_E_INTERNAL, "wolfssl: wolfSSL_new failed");
    if (!s->own_wctx) s->ctx->live_sessions++;
    MG_GUARD(mg_wolf_setup_sigalgs(s->ssl));
    MG_ENSURE(wolfSSL_set_ex_data(s->ssl, MG_WOLF_EX_SESSION, s) == WOLFSSL_SUCCESS,
              MG_E_INTERNAL, "wolfssl: wolfSSL_set_ex_data failed");
    mg_wolf_attach_transport(s);
    MG_WOLF_STEP(mg_wolf_setup_peer_name(s, why), why);
    return mg_wolf_setup_ocsp_session(s, why);
}

MG_RESULT mg_wolf_session_new(mg_context *ctx, const mg_transport *io, mg_session **out,
                              mg_side_outcome *why)
{
    *out = NULL;
    mg_side_outcome_clear(why);
    mg_session *s = calloc(1, sizeof *s);
    MG_ENSURE(s, MG_E_INTERNAL, "wolfssl: out of memory for a session");
    s->ctx = ctx;
    s->io = *io;
    s->alert_sent = MG_NO_ALERT;
    mg_result r = configure(s, why);
    if (!mg_ok(r) || mg_wolf_refused(why)) {
        mg_wolf_session_free(s);
        return r;
    }
    *out = s;
    return MG_OK;
}

/* WANT for "call again once the peer moved"; otherwise the failure is kept (first wins). */
static mg_io_status status_of(mg_session *s, int ret)
{
    int err = wolfSSL_get_error(s->ssl, ret);
    if (err == WOLFSSL_ERROR_WANT_READ || err == WOLFSSL_ERROR_WANT_WRITE) return MG_IO_WANT;
    if (!s->failed) {
        s->failed = true;
        s->error = err;
    }
    return MG_IO_FAILED;
}

mg_io_status mg_wolf_handshake(mg_session *s)
{
    if (s->failed) return MG_IO_FAILED;
    if (s->handshake_done) return MG_IO_DONE;
    mg_wolf_use_time(&s->ctx->config);
    int ret = s->ctx->config.role == MG_ROLE_SERVER ? wolfSSL_accept(s->ssl)
                                                    : wolfSSL_connect(s->ssl);
    if (ret != WOLFSSL_SUCCESS) return status_of(s, ret);
    s->handshake_done = true;
    return MG_IO_DONE;
}

/* After WANT the caller repeats the call with the same data, as wolfSSL_write requires. */
mg_io_status mg_wolf_send(mg_session *s, const void *data, size_t len)
{
    if (s->failed) return MG_IO_FAILED;
    mg_wolf_use_time(&s->ctx->config);
    int ret = wolfSSL_write(s->ssl, data, (int)len);
    return ret == (int)len ? MG_IO_DONE : status_of(s, ret);
}

mg_io_status mg_wolf_recv(mg_session *s, void *buf, size_t cap, size_t *got)
{
    *got = 0;
    if (s->failed) return MG_IO_FAILED;
    mg_wolf_use_time(&s->ctx->config);
    int ret = wolfSSL_read(s->ssl, buf, (int)cap);
    if (ret > 0) {
        *got = (size_t)ret;
        return MG_IO_DONE;
    }
    /* A close_notify ends the stream cleanly: DONE with nothing read, not a failure. */
    if (wolfSSL_get_error(s->ssl, ret) == WOLFSSL_ERROR_ZERO_RETURN) return MG_IO_DONE;
    return status_of(s, ret);
}
