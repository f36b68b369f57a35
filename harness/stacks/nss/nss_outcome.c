/* What this side did and why. A failed session is REJECTED_PEER when this side refused its
 * peer's credential: its auth hook refused it (the first refusal), or the handshake failed
 * with one of the table's handshake refusals (no certificate though one was required, a
 * CertificateVerify that does not verify, a weak server key); FAILED otherwise, with NSS's
 * error (a received alert, the transport closing). */
#include "nss_internal.h"
#include "nss_reasons.h"

#include <stdio.h>
#include <string.h>

static bool rejected_by_hook(const mg_session *s, mg_side_outcome *out)
{
    if (!s->verify.seen) return false;
    out->reason =
        s->verify.not_yet_valid ? MG_REASON_NOT_YET_VALID : mg_nss_reason(s->verify.code);
    out->native_code = s->verify.code;
    if (s->verify.missing_staple)
        snprintf(out->native_text, sizeof out->native_text,
                 "no stapled OCSP response, and this client requires one");
    else
        mg_nss_describe_error(s->verify.code, s->verify.depth, out->native_text,
                              sizeof out->native_text);
    return true;
}

static bool rejected_by_handshake(const mg_session *s, mg_side_outcome *out)
{
    const mg_nss_reason_entry *hit = mg_nss_reason_find(s->error);
    if (!hit || !hit->handshake) return false;
    out->reason = hit->reason;
    out->native_code = s->error;
    mg_nss_describe_error(s->error, -1, out->native_text, sizeof out->native_text);
    return true;
}

void mg_nss_outcome(mg_session *s, mg_side_outcome *out)
{
    mg_side_outcome_clear(out);
    out->alert_sent = s->alert_sent;
    out->alert_received = s->alert_received;
    if (!s->failed) {
        out->state = s->handshake_done ? MG_SIDE_OK : MG_SIDE_INCOMPLETE;
        return;
    }
    if (mg_nss_post_handshake_refusal(s, out) || rejected_by_hook(s, out) ||
        rejected_by_handshake(s, out)) {
        out->state = MG_SIDE_REJECTED_PEER;
        return;
    }
    out->state = MG_SIDE_FAILED;
    out->native_code = s->error;
    mg_nss_describe_error(s->error, -1, out->native_text, sizeof out->native_text);
    if (s->transport_closed) {
        size_t used = strlen(out->native_text);
        snprintf(out->native_text + used, sizeof out->native_text - used,
                 " (the transport closed)");
    }
}
