/* One handshake pinned to one TLS version, as a client without a certificate, non-blocking
 * within the deadline. In TLS 1.3 the client finishes before the server has judged its
 * Certificate (RFC 8446 4.4.2.4), so after the handshake the attempt reads for up to
 * req->listen seconds: a refusal of the empty Certificate arrives then as an alert, an
 * acceptance shows as a session ticket, and a post-handshake CertificateRequest may come. */
#include "live_internal.h"

#include "seconds.h"
#include "socket_deadline.h"

#include "alert_names.h"
#include "inspect_names.h"

#include <openssl/err.h>

#include <poll.h>
#include <stdio.h>
#include <string.h>

/* The alerts a server sends when it refuses a client for its (empty) Certificate: TLS 1.2
 * servers mostly send handshake_failure (RFC 5246 7.4.6), TLS 1.3 ones certificate_required
 * (RFC 8446 4.4.2.4). */
static bool refuses_empty_certificate(int alert)
{
    switch (alert) {
    case SSL3_AD_HANDSHAKE_FAILURE:
    case SSL3_AD_BAD_CERTIFICATE:
    case SSL3_AD_UNSUPPORTED_CERTIFICATE:
    case SSL3_AD_CERTIFICATE_UNKNOWN:
    case TLS1_AD_ACCESS_DENIED:
    case TLS13_AD_CERTIFICATE_REQUIRED: return true;
    default: return false;
    }
}

/* "alert handshake_failure(40) from the server; OpenSSL: error:0A000410:SSL routines::..." */
static void describe_failure(const mg_live_capture *cap, const char *what, char *buf, size_t len)
{
    char alert[48] = "", error[256] = "";
    unsigned long e = ERR_peek_last_error();
    if (e) ERR_error_string_n(e, error, sizeof error);
    if (cap->alert >= 0) mg_alert_name(cap->alert, alert, sizeof alert);
    snprintf(buf, len, "%s%s%s%s%s%s", what, cap->alert >= 0 ? ": alert " : "", alert,
             cap->alert >= 0 ? " from the server" : "", *error ? "; libssl: " : "", error);
    ERR_clear_error();
}

/* Decides the outcome of a failed handshake or post-handshake read. */
static void failed(mg_live_capture *cap, int ssl_error, bool after_handshake)
{
    mg_live_attempt *a = cap->attempt;
    /* OpenSSL 3 reports a bare EOF as an SSL error of its own, a reset as a system one. */
    bool closed = ssl_error == SSL_ERROR_SYSCALL || ssl_error == SSL_ERROR_ZERO_RETURN ||
                  ERR_GET_REASON(ERR_peek_last_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING;
    if (cap->alert == SSL_AD_PROTOCOL_VERSION) {
        a->outcome = MG_LIVE_VERSION_REFUSED;
        describe_failure(cap, "the server does not accept this version", a->detail,
                         sizeof a->detail);
    } else if (a->asked && refuses_empty_certificate(cap->alert)) {
        a->outcome = MG_LIVE_CERT_REQUIRED;
        describe_failure(cap, "the server requires a client certificate (it refused the empty "
                         "Certificate this client sent)", a->detail, sizeof a->detail);
    } else if (after_handshake) {
        a->outcome = MG_LIVE_COMPLETED;
        describe_failure(cap, closed && cap->alert < 0
                                  ? "the handshake completed; then the server closed the connection"
                                  : "the handshake completed; then the server ended the connection",
                         a->detail, sizeof a->detail);
    } else {
        a->outcome = MG_LIVE_FAILED;
        /* After a request, an alert outside refuses_empty_certificate's list may still be the
         * refusal (GnuTLS 3.7 answers an empty TLS 1.2 Certificate with decode_error): say when
         * it came, not what it meant. */
        const char *what = closed && cap->alert < 0
                               ? "the server closed the connection during the handshake"
                           : a->asked ? "the handshake failed after the server asked for a client "
                                        "certificate and this client sent none"
                                      : "the handshake failed";
        describe_failure(cap, what, a->detail, sizeof a->detail);
    }
}

static MG_RESULT timed_out(const mg_live_request *req, const mg_live_attempt *a)
{
    return mg_fail(MG_E_IO, "inspect: --connect %s: no answer to the TLS %s handshake within "
                   "--timeout (%g s)", req->target, a->tls, req->timeout);
}

/* True once SSL_connect is done; false on a TLS failure (recorded); MG_E_IO on the deadline. */
static MG_RESULT handshake(const mg_live_request *req, SSL *ssl, int fd, double deadline,
                           mg_live_capture *cap, bool *done)
{
    for (;;) {
        int rc = SSL_connect(ssl);
        if (rc == 1) return *done = true, MG_OK;
        int err = SSL_get_error(ssl, rc);
        if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE) {
            failed(cap, err, false);
            return *done = false, MG_OK;
        }
        if (!mg_wait_fd(fd, err == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, deadline))
            return timed_out(req, cap->attempt);
    }
}

/* TLS 1.3 after the handshake: reads until the server's verdict on the empty Certificate (a
 * ticket or an alert) when it asked, else for the whole window (a post-handshake request). */
static void listen_after(const mg_live_request *req, SSL *ssl, int fd, double deadline,
                         mg_live_capture *cap)
{
    mg_live_attempt *a = cap->attempt;
    double start = mg_monotonic_seconds(), end = start + req->listen;
    if (end > deadline) end = deadline;
    char sink[4096];
    for (;;) {
        int n = SSL_read(ssl, sink, sizeof sink);
        if (n > 0) continue; /* application data: not ours to read */
        int err = SSL_get_error(ssl, n);
        if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE) {
            failed(cap, err, true);
            cap->ended = true;
            break;
        }
        if (a->asked && !a->request.post_handshake && cap->ticket) break; /* its verdict */
        if (!mg_wait_fd(fd, err == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT, end)) break;
    }
    a->listened = mg_monotonic_seconds() - start;
    a->ticket_after_empty_cert = cap->ticket;
}

static SSL_CTX *new_context(int version)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx) return NULL;
    /* Any key size and algorithm, so that every chain arrives to be judged by the checks
     * (the system's security level would end the handshake before we could see it). */
    SSL_CTX_set_security_level(ctx, 0);
    if (!SSL_CTX_set_min_proto_version(ctx, version) ||
        !SSL_CTX_set_max_proto_version(ctx, version)) {
        SSL_CTX_free(ctx);
        return NULL;
    }
    mg_live_capture_install(ctx);
    return ctx;
}

/* The name to send as SNI: DNS names only (RFC 6066 3), so an address literal sends none. */
static const char *sni_name(const mg_live_request *req)
{
    const char *name = req->servername ? req->servername : req->host;
    return mg_inspect_host_kind(name) == MG_HOST_DNS ? name : NULL;
}

static void note_negotiated(SSL *ssl, mg_live_attempt *a)
{
    const SSL_CIPHER *cipher = SSL_get_current_cipher(ssl);
    snprintf(a->negotiated, sizeof a->negotiated, "%s %s", SSL_get_version(ssl),
             cipher ? SSL_CIPHER_get_name(cipher) : "?");
}

mg_result mg_live_attempt_run(const mg_live_request *req, int version, int fd, double deadline,
                              mg_live_attempt *out)
{
    SSL_CTX *ctx = new_context(version);
    SSL *ssl = ctx ? SSL_new(ctx) : NULL;
    mg_live_capture cap = {.attempt = out, .alert = -1};
    const char *sni = sni_name(req);
    bool set = ssl && SSL_set_fd(ssl, fd) && (!sni || SSL_set_tlsext_host_name(ssl, sni));
    if (set && version == TLS1_3_VERSION) {
        SSL_set_post_handshake_auth(ssl, 1); /* offered, so that a server may ask later */
        out->pha_offered = true;
    }
    mg_result r = set ? MG_OK : mg_fail(MG_E_INTERNAL, "inspect: --connect: libssl setup failed");
    bool done = false;
    if (mg_ok(r)) {
        SSL_set_app_data(ssl, &cap);
        ERR_clear_error();
        r = handshake(req, ssl, fd, deadline, &cap, &done);
    }
    if (mg_ok(r) && done) {
        cap.handshake_done = true;
        out->outcome = MG_LIVE_COMPLETED;
        note_negotiated(ssl, out);
        if (version == TLS1_3_VERSION) listen_after(req, ssl, fd, deadline, &cap);
        if (!cap.ended) SSL_shutdown(ssl); /* a close_notify, not waited for */
    }
    if (mg_ok(r) && cap.out_of_memory) r = mg_fail(MG_E_INTERNAL, "out of memory");
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    ERR_clear_error();
    return r;
}
