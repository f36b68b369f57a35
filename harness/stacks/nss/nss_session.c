/* One connection: an SSL socket imported over the transport layer (SSL_ImportFD), set up for
 * one TLS version with no session cache and no tickets (every case is a full handshake), the
 * client certificate asked for as the peer check says, and stepped by handshake/send/recv.
 * The first failure is kept for outcome(). */
#include "nss_internal.h"

#include <prerror.h>
#include <sslproto.h>

#include <stdlib.h>

void mg_nss_session_free(mg_session *s)
{
    if (!s) return;
    if (s->fd) PR_Close(s->fd); /* closes the transport layer below it too */
    if (s->leaf) CERT_DestroyCertificate(s->leaf);
    if (s->own_certs) CERT_DestroyCertList(s->own_certs);
    if (s->alt_leaf) CERT_DestroyCertificate(s->alt_leaf);
    if (s->alt_certs) CERT_DestroyCertList(s->alt_certs);
    mg_nss_live_remove(s);
    free(s);
}

static SECStatus set_options(PRFileDesc *fd, const mg_side_config *cfg)
{
    bool server = cfg->role == MG_ROLE_SERVER;
    PRUint16 v = cfg->tls == MG_TLS12 ? SSL_LIBRARY_VERSION_TLS_1_2 : SSL_LIBRARY_VERSION_TLS_1_3;
    SSLVersionRange range = {v, v};
    /* a server that asks after the handshake asks in none (nss_pha.c) */
    bool ask = server && cfg->peer_check != MG_PEER_NONE && !cfg->ask_after_handshake;
    PRIntn require = server && cfg->peer_check == MG_PEER_REQUIRED ? SSL_REQUIRE_ALWAYS
                                                                   : SSL_REQUIRE_NEVER;
    bool staple = !server && cfg->require_ocsp && cfg->policy == MG_POLICY_STRICT;
    if (SSL_OptionSet(fd, SSL_SECURITY, PR_TRUE) != SECSuccess ||
        SSL_OptionSet(fd, server ? SSL_HANDSHAKE_AS_SERVER : SSL_HANDSHAKE_AS_CLIENT,
                      PR_TRUE) != SECSuccess ||
        SSL_OptionSet(fd, SSL_NO_CACHE, !cfg->resumption) != SECSuccess ||
        SSL_OptionSet(fd, SSL_ENABLE_SESSION_TICKETS, cfg->resumption) != SECSuccess ||
        SSL_OptionSet(fd, SSL_REQUEST_CERTIFICATE, ask) != SECSuccess ||
        SSL_OptionSet(fd, SSL_REQUIRE_CERTIFICATE, require) != SECSuccess ||
        SSL_OptionSet(fd, SSL_ENABLE_OCSP_STAPLING, staple) != SECSuccess ||
        mg_nss_setup_post_handshake(fd, cfg) != SECSuccess)
        return SECFailure;
    return SSL_VersionRangeSet(fd, &range);
}

/* SSL_SetURL gives the name NSS verifies (CERT_VerifyCertName) and sends as SNI, which NSS
 * leaves out for an IP literal itself (RFC 6066 section 3). */
static MG_RESULT setup_socket(mg_session *s, mg_side_outcome *why)
{
    const mg_side_config *cfg = &s->ctx->config;
    if (set_options(s->fd, cfg) != SECSuccess) {
        mg_nss_setup_failure(why, MG_REASON_OTHER, PR_GetError(), "cannot set NSS options");
        return MG_OK;
    }
    if (cfg->role == MG_ROLE_CLIENT && cfg->server_name && *cfg->server_name &&
        SSL_SetURL(s->fd, cfg->server_name) != SECSuccess) {
        mg_nss_setup_failure(why, MG_REASON_OTHER, PR_GetError(), "cannot verify or send \"%s\"",
                             cfg->server_name);
        return MG_OK;
    }
    MG_NSS_STEP(mg_nss_setup_time(s, why), why);
    MG_NSS_STEP(mg_nss_setup_alerts(s, why), why);
    MG_NSS_STEP(mg_nss_setup_auth(s, why), why);
    MG_NSS_STEP(mg_nss_setup_own(s, why), why);
    MG_NSS_STEP(mg_nss_setup_ca_names(s, why), why);
    MG_NSS_STEP(mg_nss_open_alt(s, why), why);
    if (mg_nss_setup_resumption(s) != SECSuccess) {
        mg_nss_setup_failure(why, MG_REASON_OTHER, PR_GetError(), "cannot set up resumption");
        return MG_OK;
    }
    if (SSL_ResetHandshake(s->fd, cfg->role == MG_ROLE_SERVER) != SECSuccess)
        mg_nss_setup_failure(why, MG_REASON_OTHER, PR_GetError(), "SSL_ResetHandshake failed");
    return MG_OK;
}

static MG_RESULT configure(mg_session *s, mg_side_outcome *why)
{
    PRFileDesc *bottom = NULL;
    MG_GUARD(mg_nss_transport_fd(s, &bottom));
    s->fd = SSL_ImportFD(NULL, bottom);
    if (!s->fd) {
        PRErrorCode code = PR_GetError();
        PR_Close(bottom);
        return mg_fail(MG_E_INTERNAL, "nss: SSL_ImportFD failed: %s", PR_ErrorToName(code));
    }
    return setup_socket(s, why);
}

MG_RESULT mg_nss_session_new(mg_context *ctx, const mg_transport *io, mg_session **out,
                             mg_side_outcome *why)
{
    *out = NULL;
    mg_side_outcome_clear(why);
    PR_SetError(0, 0); /* as in mg_nss_context_new: no code left by an earlier case */
    mg_session *s = calloc(1, sizeof *s);
    MG_ENSURE(s, MG_E_INTERNAL, "nss: out of memory for a session");
    s->ctx = ctx;
    s->io = *io;
    s->alert_sent = MG_NO_ALERT;
    s->alert_received = MG_NO_ALERT;
    s->verify.depth = -1;
    mg_nss_live_add(s);
    mg_result r = configure(s, why);
    if (!mg_ok(r) || mg_nss_refused(why)) {
        mg_nss_session_free(s);
        return r;
    }
    *out = s;
    return MG_OK;
}

/* WANT for "call again once the peer moved"; otherwise the failure is kept (first wins). */
static mg_io_status status_of(mg_session *s)
{
    PRErrorCode code = PR_GetError();
    if (code == PR_WOULD_BLOCK_ERROR) return MG_IO_WANT;
    if (!s->failed) {
        s->failed = true;
        s->error = code;
    }
    return MG_IO_FAILED;
}

mg_io_status mg_nss_handshake(mg_session *s)
{
    if (s->failed) return MG_IO_FAILED;
    if (s->handshake_done) return MG_IO_DONE;
    if (SSL_ForceHandshake(s->fd) != SECSuccess) return status_of(s);
    s->handshake_done = true;
    return MG_IO_DONE;
}

/* After WANT the caller repeats the call with the same data. */
mg_io_status mg_nss_send(mg_session *s, const void *data, size_t len)
{
    if (s->failed) return MG_IO_FAILED;
    PRInt32 n = PR_Write(s->fd, data, (PRInt32)len);
    if (n == (PRInt32)len) return MG_IO_DONE;
    if (n >= 0) {
        s->failed = true;
        s->error = PR_IO_ERROR;
        return MG_IO_FAILED;
    }
    return status_of(s);
}

mg_io_status mg_nss_recv(mg_session *s, void *buf, size_t cap, size_t *got)
{
    *got = 0;
    if (s->failed) return MG_IO_FAILED;
    PRInt32 n = PR_Read(s->fd, buf, (PRInt32)cap);
    if (n > 0) {
        *got = (size_t)n;
        return MG_IO_DONE;
    }
    /* A close_notify ends the stream cleanly: DONE with nothing read, not a failure. */
    if (n == 0 && (!s->transport_closed || s->alert_received == 0)) return MG_IO_DONE;
    if (n == 0) {
        PR_SetError(PR_END_OF_FILE_ERROR, 0);
        return status_of(s);
    }
    return status_of(s);
}
