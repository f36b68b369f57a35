/* One GnuTLS connection over an mg_transport: push/pull functions that turn "would block"
 * into EAGAIN, so the same code runs non-blocking in memory and blocking over TCP. The
 * handshake / send / recv steps are in gnutls_io.c. */
#include "gnutls_internal.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static ssize_t push(gnutls_transport_ptr_t ptr, const void *data, size_t len)
{
    mg_gnutls_session *s = ptr;
    long n = s->io.send(s->io.ctx, data, len);
    if (n > 0) return n;
    gnutls_transport_set_errno(s->tls, n == MG_TRANSPORT_WOULD_BLOCK ? EAGAIN : EPIPE);
    return -1;
}

static ssize_t pull(gnutls_transport_ptr_t ptr, void *buf, size_t cap)
{
    mg_gnutls_session *s = ptr;
    long n = s->io.recv(s->io.ctx, buf, cap);
    if (n > 0) return n;
    if (n == MG_TRANSPORT_CLOSED) return 0;
    gnutls_transport_set_errno(s->tls, EAGAIN);
    return -1;
}

static bool is_ip_literal(const char *name)
{
    unsigned char addr[16];
    return inet_pton(AF_INET, name, addr) == 1 || inet_pton(AF_INET6, name, addr) == 1;
}

/* Whether a Certificate message body lists any certificate: TLS 1.3 puts a request context
 * (one length byte and its bytes) before the 3-byte list length, TLS 1.2 starts with it. */
static bool lists_certificates(gnutls_session_t tls, const gnutls_datum_t *msg)
{
    if (!msg->data || msg->size == 0) return false;
    size_t at = gnutls_protocol_get_version(tls) == GNUTLS_TLS1_3 ? 1u + msg->data[0] : 0;
    if (at + 3 > msg->size) return false;
    return msg->data[at] || msg->data[at + 1] || msg->data[at + 2];
}

/* GnuTLS (TLS 1.2) turns an alert received while a server waits for a required client
 * certificate into GNUTLS_E_NO_CERTIFICATE_FOUND, and a client certificate it cannot parse
 * too; noting whether the Certificate message arrived, and whether it listed certificates,
 * tells "sent none" from "went away" and from "sent one GnuTLS could not use". */
static int note_certificate_msg(gnutls_session_t tls, unsigned htype, unsigned when,
                                unsigned incoming, const gnutls_datum_t *msg)
{
    (void)htype, (void)when;
    mg_gnutls_session *s = gnutls_session_get_ptr(tls);
    if (!incoming) return 0;
    s->peer_sent_certificate_msg = true;
    s->peer_listed_certificates = msg && lists_certificates(tls, msg);
    return 0;
}

static MG_RESULT configure(mg_gnutls_session *s)
{
    const mg_side_config *c = &s->ctx->config;
    gnutls_session_set_ptr(s->tls, s);
    int rc = gnutls_priority_set(s->tls, s->ctx->priority);
    if (rc >= 0) rc = gnutls_credentials_set(s->tls, GNUTLS_CRD_CERTIFICATE, s->ctx->cred->creds);
    /* SNI carries host names only (RFC 6066 section 3). */
    if (rc >= 0 && c->role == MG_ROLE_CLIENT && c->server_name && !is_ip_literal(c->server_name))
        rc = gnutls_server_name_set(s->tls, GNUTLS_NAME_DNS, c->server_name,
                                    strlen(c->server_name));
    if (rc >= 0 && c->role == MG_ROLE_CLIENT && c->require_ocsp)
        rc = gnutls_ocsp_status_request_enable_client(s->tls, NULL, 0, NULL);
    if (rc >= 0) rc = mg_gnutls_setup_resumption(s);
    MG_ENSURE(rc >= 0, MG_E_INTERNAL, "gnutls: configuring a session: %s", gnutls_strerror(rc));
    gnutls_transport_set_ptr(s->tls, s);
    gnutls_transport_set_push_function(s->tls, push);
    gnutls_transport_set_pull_function(s->tls, pull);
    gnutls_handshake_set_timeout(s->tls, 0); /* the driver or the runner bounds the time */
    if (c->keylog_file) gnutls_session_set_keylog_function(s->tls, mg_gnutls_keylog);
    /* A GnuTLS server names every CA it trusts, in the trust file's order, unless told not
     * to: MG_CA_NAMES_TRUSTED and _DEFAULT are the same here. */
    if (c->role == MG_ROLE_SERVER && c->ca_names == MG_CA_NAMES_NONE)
        gnutls_certificate_send_x509_rdn_sequence(s->tls, 1);
    gnutls_handshake_set_hook_function(s->tls, GNUTLS_HANDSHAKE_CERTIFICATE_PKT, GNUTLS_HOOK_PRE,
                                       note_certificate_msg);
    return mg_gnutls_setup_verification(s);
}

static void session_free(mg_session *session)
{
    mg_gnutls_session *s = mg_gnutls_sess(session);
    if (!s) return;
    if (s->tls) {
        if (s->handshake_done && !s->failure) gnutls_bye(s->tls, GNUTLS_SHUT_WR);
        gnutls_deinit(s->tls);
    }
    free(s);
}

MG_RESULT mg_gnutls_session_new(mg_context *context, const mg_transport *io, mg_session **out,
                                mg_side_outcome *why)
{
    (void)why; /* a session fails only for want of memory: a tool error */
    *out = NULL;
    mg_gnutls_session *s = calloc(1, sizeof *s);
    MG_ENSURE(s, MG_E_INTERNAL, "gnutls: out of memory for a session");
    s->ctx = mg_gnutls_ctx(context);
    s->io = *io;
    s->alert_sent = s->alert_received = MG_NO_ALERT;
    unsigned flags = GNUTLS_NONBLOCK | mg_gnutls_ticket_flags(&s->ctx->config) |
                     (s->ctx->config.role == MG_ROLE_CLIENT ? GNUTLS_CLIENT : GNUTLS_SERVER) |
                     mg_gnutls_post_handshake_flags(&s->ctx->config);
    int rc = gnutls_init(&s->tls, flags);
    if (rc < 0) {
        free(s);
        return mg_fail(MG_E_INTERNAL, "gnutls: gnutls_init: %s", gnutls_strerror(rc));
    }
    mg_result r = configure(s);
    if (!mg_ok(r)) {
        session_free((mg_session *)s);
        return r;
    }
    *out = (mg_session *)s;
    return MG_OK;
}

void mg_gnutls_session_free(mg_session *session) { session_free(session); }
