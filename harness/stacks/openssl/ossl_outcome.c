/* What this side did and why. A failed session is REJECTED_PEER when this side refused its
 * peer's credential (its chain did not verify, its OCSP staple was refused, it sent no
 * certificate though one was required, its CertificateVerify failed), FAILED otherwise. */
#include "ossl_internal.h"
#include "ossl_reasons.h"

#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include <stdio.h>
#include <string.h>

/* The failure as OpenSSL's tools print it, code in hex beside the words:
 * "error:0A00045C:SSL routines::tlsv13 alert certificate required" (what s_client, curl and
 * nginx logs show, so a user can search for the same string). */
static void describe_ssl_error(const mg_session *s, char *buf, size_t len)
{
    if (s->ssl_error && ERR_reason_error_string(s->ssl_error))
        ERR_error_string_n(s->ssl_error, buf, len);
    else
        snprintf(buf, len, "%s", s->failure_text);
}

static bool rejected_by_verification(mg_session *s, mg_side_outcome *out)
{
    long code = s->first_verify_error;
    int depth = s->first_verify_depth;
    if (code == X509_V_OK) {
        code = SSL_get_verify_result(s->ssl);
        depth = -1;
    }
    if (code == X509_V_OK) return false;
    out->reason = mg_ossl_verify_reason(code);
    if (s->first_verify_key_usage && code == s->first_verify_error)
        out->reason = MG_REASON_BAD_KEY_USAGE;
    out->native_code = code;
    mg_ossl_describe_verify_error(code, depth, out->native_text, sizeof out->native_text);
    if (s->first_verify_malformed && code == s->first_verify_error) {
        /* OpenSSL marks a certificate that breaks RFC 5280's structure rules (a duplicate
         * extension, ...) invalid while caching its extensions; no issuer then matches it, so
         * the code says "unable to get issuer" when the certificate itself was refused. */
        out->reason = MG_REASON_OTHER;
        size_t used = strlen(out->native_text);
        snprintf(out->native_text + used, sizeof out->native_text - used,
                 " (the certificate is malformed: OpenSSL marked it invalid)");
    }
    return true;
}

static bool rejected_own_check(const mg_session *s, mg_side_outcome *out)
{
    if (s->own.reason == MG_REASON_NONE) return false;
    out->reason = s->own.reason;
    out->native_code = s->own.code;
    snprintf(out->native_text, sizeof out->native_text, "%s (X509_V_ERR %ld)", s->own.text,
             s->own.code);
    return true;
}

static bool rejected_by_protocol(const mg_session *s, mg_side_outcome *out)
{
    if (ERR_GET_LIB(s->ssl_error) != ERR_LIB_SSL ||
        !mg_ossl_ssl_rejection_reason(ERR_GET_REASON(s->ssl_error), &out->reason))
        return false;
    out->native_code = (long)s->ssl_error;
    describe_ssl_error(s, out->native_text, sizeof out->native_text);
    return true;
}

void mg_ossl_outcome(mg_session *s, mg_side_outcome *out)
{
    mg_side_outcome_clear(out);
    out->alert_sent = s->alert_sent;
    out->alert_received = s->alert_received;
    if (!s->failed) {
        out->state = SSL_is_init_finished(s->ssl) ? MG_SIDE_OK : MG_SIDE_INCOMPLETE;
        return;
    }
    if (mg_ossl_post_handshake_refusal(s, out) || rejected_own_check(s, out) ||
        rejected_by_verification(s, out) ||
        rejected_by_protocol(s, out)) {
        out->state = MG_SIDE_REJECTED_PEER;
        return;
    }
    out->state = MG_SIDE_FAILED;
    out->native_code = (long)s->ssl_error;
    describe_ssl_error(s, out->native_text, sizeof out->native_text);
}
