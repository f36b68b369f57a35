/* What one GnuTLS side did and why: the verification status through the reason table, the
 * handshake error through the table below, the alerts it sent and received. */
#include "gnutls_constraints.h"
#include "gnutls_internal.h"
#include "gnutls_reasons.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void mg_gnutls_setup_failed(mg_side_outcome *why, mg_reason reason, int native, const char *fmt,
                            ...)
{
    memset(why, 0, sizeof *why);
    why->state = MG_SIDE_SETUP_FAILED;
    why->reason = reason;
    why->native_code = native;
    why->alert_sent = why->alert_received = MG_NO_ALERT;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why->native_text, sizeof why->native_text, fmt, ap);
    va_end(ap);
}

/* Handshake errors that are this side's judgement of the peer rather than a protocol failure.
 * `server_only`: the same error on a client means it was told so by the server. */
static const struct {
    int error;
    bool server_only;
    mg_reason reason;
} peer_errors[] = {
    {GNUTLS_E_NO_CERTIFICATE_FOUND, true, MG_REASON_NO_CERTIFICATE}, /* required, none sent */
    {GNUTLS_E_CERTIFICATE_REQUIRED, true, MG_REASON_NO_CERTIFICATE}, /* the same, TLS 1.3 */
    {GNUTLS_E_PK_SIG_VERIFY_FAILED, false, MG_REASON_BAD_SIGNATURE}, /* CertificateVerify */
    {GNUTLS_E_CONSTRAINT_ERROR, false, MG_REASON_PATH_LENGTH},       /* more than max_depth */
    /* The peer's certificate could not be parsed (own credentials are parsed at setup). */
    {GNUTLS_E_X509_DUPLICATE_EXTENSION, false, MG_REASON_OTHER},
    {GNUTLS_E_ASN1_DER_ERROR, false, MG_REASON_OTHER}, /* e.g. explicit EC parameters */
};

/* Refusals of the certificate the peer did send that GnuTLS's error leaves ambiguous: TLS 1.2
 * reports a peer certificate it cannot parse as GNUTLS_E_NO_CERTIFICATE_FOUND, and
 * GNUTLS_E_KEY_USAGE_VIOLATION is raised for this side's own certificate too. */
static bool refused_sent_certificate(const mg_gnutls_session *s, int error, mg_reason *reason)
{
    if (error == GNUTLS_E_KEY_USAGE_VIOLATION && mg_gnutls_peer_leaf_cannot_sign(s->tls)) {
        *reason = MG_REASON_BAD_KEY_USAGE;
        return true;
    }
    if (error == GNUTLS_E_NO_CERTIFICATE_FOUND &&
        (s->peer_listed_certificates || mg_gnutls_peer_cert_count(s->tls) > 0)) {
        *reason = MG_REASON_OTHER;
        return true;
    }
    return false;
}

static bool peer_error_reason(const mg_gnutls_session *s, int error, mg_reason *reason)
{
    for (size_t i = 0; i < sizeof peer_errors / sizeof peer_errors[0]; i++) {
        if (peer_errors[i].error != error) continue;
        if (peer_errors[i].server_only && s->ctx->config.role != MG_ROLE_SERVER) return false;
        *reason = peer_errors[i].reason;
        return true;
    }
    return false;
}

static void native_error(int error, mg_side_outcome *out)
{
    out->native_code = error;
    snprintf(out->native_text, sizeof out->native_text, "%s: %s", gnutls_strerror_name(error),
             gnutls_strerror(error));
}

/* The verification status, from our strict callback or from GnuTLS's own auto-verification
 * (minimal); (unsigned)-1 when no verification ran. */
static unsigned verify_status(const mg_gnutls_session *s)
{
    if (s->verify_ran) return s->verify_status;
    return gnutls_session_get_verify_cert_status(s->tls);
}

static bool verification_failed(int error)
{
    return error == GNUTLS_E_CERTIFICATE_VERIFICATION_ERROR ||
           error == GNUTLS_E_CERTIFICATE_ERROR;
}

/* Why GnuTLS's verification refused the peer without a status: the peer sent no certificate,
 * or GnuTLS failed with an error of its own (our strict callback keeps it; GnuTLS's
 * auto-verification under minimal does not, so ask GnuTLS the same question again). */
static int verification_error(const mg_gnutls_session *s)
{
    unsigned sent = 0, ignored = 0;
    if (s->verify_error) return s->verify_error;
    if (!gnutls_certificate_get_peers(s->tls, &sent)) return GNUTLS_E_NO_CERTIFICATE_FOUND;
    int again = s->verify_ran ? 0 : gnutls_certificate_verify_peers2(s->tls, &ignored);
    return again < 0 ? again : s->failure;
}

/* A GnuTLS client whose own certificate may not sign (keyUsage without digitalSignature)
 * aborts instead of sending it: TLS 1.2 GNUTLS_E_KEY_USAGE_VIOLATION, TLS 1.3
 * GNUTLS_E_INSUFFICIENT_CREDENTIALS. That is its own credential refused, not a protocol
 * failure: client-error:bad-key-usage. */
static bool refused_own_certificate(const mg_gnutls_session *s, int error)
{
    if (s->ctx->config.role != MG_ROLE_CLIENT || !mg_gnutls_own_leaf_cannot_sign(s)) return false;
    if (error == GNUTLS_E_KEY_USAGE_VIOLATION) return !mg_gnutls_peer_leaf_cannot_sign(s->tls);
    return error == GNUTLS_E_INSUFFICIENT_CREDENTIALS;
}

static void judge_failure(const mg_gnutls_session *s, mg_side_outcome *out)
{
    int error = s->failure;
    if (refused_own_certificate(s, error)) {
        native_error(error, out);
        size_t used = strlen(out->native_text);
        snprintf(out->native_text + used, sizeof out->native_text - used,
                 " (its own certificate's keyUsage lacks digitalSignature)");
        out->state = MG_SIDE_SETUP_FAILED;
        out->reason = MG_REASON_BAD_KEY_USAGE;
        return;
    }
    if (verification_failed(error)) {
        unsigned status = verify_status(s);
        if (status != 0 && status != (unsigned)-1) {
            mg_gnutls_status_outcome(status, out);
            if (status & GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE)
                out->reason = mg_gnutls_constraint_reason(s->tls, out->reason);
            return;
        }
        error = verification_error(s);
    }
    native_error(error, out);
    mg_reason reason = MG_REASON_OTHER;
    bool judged_peer = refused_sent_certificate(s, error, &reason) ||
                       peer_error_reason(s, error, &reason) || verification_failed(error);
    out->state = judged_peer ? MG_SIDE_REJECTED_PEER : MG_SIDE_FAILED;
    out->reason = judged_peer ? reason : MG_REASON_NONE;
}

void mg_gnutls_outcome(mg_session *session, mg_side_outcome *out)
{
    mg_gnutls_session *s = mg_gnutls_sess(session);
    memset(out, 0, sizeof *out);
    out->alert_sent = s->alert_sent;
    out->alert_received = s->alert_received;
    if (s->failure)
        judge_failure(s, out);
    else
        out->state = s->handshake_done ? MG_SIDE_OK : MG_SIDE_INCOMPLETE;
}
