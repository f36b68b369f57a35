/* The handshake / send / recv steps of the stack interface, and what a side does when it
 * fails: remember why, and tell the peer by an alert where GnuTLS leaves that to us. */
#include "gnutls_internal.h"

/* Non-fatal codes (a warning alert, an ignored renegotiation request) are retried at once;
 * "would block" is WANT; anything else ends this side. */
#define MG_GNUTLS_RETRIES 8

static bool retry_at_once(mg_gnutls_session *s, int rc)
{
    if (rc == GNUTLS_E_WARNING_ALERT_RECEIVED) s->alert_received = (int)gnutls_alert_get(s->tls);
    return rc != GNUTLS_E_AGAIN && rc != GNUTLS_E_INTERRUPTED && !gnutls_error_is_fatal(rc);
}

static mg_io_status failed_or_want(mg_gnutls_session *s, int rc)
{
    if (rc == GNUTLS_E_AGAIN || rc == GNUTLS_E_INTERRUPTED || !gnutls_error_is_fatal(rc))
        return MG_IO_WANT;
    mg_gnutls_note_failure(s, rc);
    return MG_IO_FAILED;
}

mg_io_status mg_gnutls_handshake(mg_session *session)
{
    mg_gnutls_session *s = mg_gnutls_sess(session);
    if (s->failure) return MG_IO_FAILED;
    mg_gnutls_use_time(&s->ctx->config);
    int rc = GNUTLS_E_AGAIN;
    for (int i = 0; i < MG_GNUTLS_RETRIES; i++) {
        rc = gnutls_handshake(s->tls);
        if (rc == 0) {
            s->handshake_done = true;
            return MG_IO_DONE;
        }
        if (!retry_at_once(s, rc)) break;
    }
    return failed_or_want(s, rc);
}

mg_io_status mg_gnutls_send(mg_session *session, const void *data, size_t len)
{
    mg_gnutls_session *s = mg_gnutls_sess(session);
    if (s->failure) return MG_IO_FAILED;
    mg_gnutls_use_time(&s->ctx->config);
    const unsigned char *bytes = data;
    /* After WANT the caller repeats the call with the same data; carry on where we were. */
    while (s->sent < len) {
        ssize_t n = gnutls_record_send(s->tls, bytes + s->sent, len - s->sent);
        if (n < 0 && retry_at_once(s, (int)n)) continue;
        if (n < 0) return failed_or_want(s, (int)n);
        s->sent += (size_t)n;
    }
    s->sent = 0;
    return MG_IO_DONE;
}

mg_io_status mg_gnutls_recv(mg_session *session, void *buf, size_t cap, size_t *got)
{
    mg_gnutls_session *s = mg_gnutls_sess(session);
    *got = 0;
    if (s->failure) return MG_IO_FAILED;
    mg_gnutls_use_time(&s->ctx->config);
    ssize_t n = GNUTLS_E_AGAIN;
    for (int i = 0; i < MG_GNUTLS_RETRIES; i++) {
        n = gnutls_record_recv(s->tls, buf, cap);
        if (n >= 0) { /* 0: the peer closed the stream cleanly */
            *got = (size_t)n;
            return MG_IO_DONE;
        }
        if (!retry_at_once(s, (int)n)) break;
    }
    return failed_or_want(s, (int)n);
}

/* Transport failures and received alerts need no answer; for every other fatal error GnuTLS
 * leaves the alert to the application (gnutls_alert_send_appropriate), so send it here. */
static const int silent_errors[] = {
    GNUTLS_E_FATAL_ALERT_RECEIVED, GNUTLS_E_PUSH_ERROR, GNUTLS_E_PULL_ERROR,
    GNUTLS_E_PREMATURE_TERMINATION,
};

void mg_gnutls_note_failure(mg_gnutls_session *s, int error)
{
    if (s->failure) return;
    s->failure = error;
    bool no_certificate_claimed =
        error == GNUTLS_E_NO_CERTIFICATE_FOUND || error == GNUTLS_E_CERTIFICATE_REQUIRED;
    if (no_certificate_claimed && !s->peer_sent_certificate_msg) {
        /* The peer's alert (or end of stream) in GnuTLS's words: keep what it said. */
        s->failure = GNUTLS_E_FATAL_ALERT_RECEIVED;
        s->alert_received = (int)gnutls_alert_get(s->tls);
        return;
    }
    if (error == GNUTLS_E_FATAL_ALERT_RECEIVED) s->alert_received = (int)gnutls_alert_get(s->tls);
    for (size_t i = 0; i < sizeof silent_errors / sizeof silent_errors[0]; i++)
        if (silent_errors[i] == error) return;
    int level = 0;
    int alert = gnutls_error_to_alert(error, &level);
    if (alert >= 0 && gnutls_alert_send_appropriate(s->tls, error) == 0) s->alert_sent = alert;
}
