/* What this side did and why. A failed session is REJECTED_PEER when this side refused its
 * peer's credential: its verify callback saw an error (the first one, in wolfSSL's order: the
 * chain's top first), or the handshake failed with one of the table's handshake refusals (no
 * certificate though one was required, a CertificateVerify that fails, a refused or missing
 * OCSP staple); FAILED otherwise, with wolfSSL's error. */
#include "wolfssl_internal.h"
#include "wolfssl_reasons.h"

#include <stdio.h>
#include <string.h>

static bool rejected_by_verification(const mg_session *s, mg_side_outcome *out)
{
    if (!s->verify.seen) return false;
    out->reason = mg_wolf_reason(s->verify.code);
    out->native_code = s->verify.code;
    mg_wolf_describe_error(s->verify.code, s->verify.depth, out->native_text,
                           sizeof out->native_text);
    return true;
}

static bool rejected_by_handshake(const mg_session *s, mg_side_outcome *out)
{
    const mg_wolf_reason_entry *hit = mg_wolf_reason_find(s->error);
    if (!hit || hit->own_too) return false;
    out->reason = hit->reason;
    out->native_code = s->error;
    mg_wolf_describe_error(s->error, -1, out->native_text, sizeof out->native_text);
    return true;
}

void mg_wolf_outcome(mg_session *s, mg_side_outcome *out)
{
    mg_side_outcome_clear(out);
    mg_wolf_alerts(s, out);
    if (!s->failed) {
        out->state = s->handshake_done ? MG_SIDE_OK : MG_SIDE_INCOMPLETE;
        return;
    }
    if (mg_wolf_post_handshake_refusal(s, out) || rejected_by_verification(s, out) ||
        rejected_by_handshake(s, out)) {
        out->state = MG_SIDE_REJECTED_PEER;
        return;
    }
    out->state = MG_SIDE_FAILED;
    out->native_code = s->error;
    mg_wolf_describe_error(s->error, -1, out->native_text, sizeof out->native_text);
    if (s->transport_closed) {
        size_t used = strlen(out->native_text);
        snprintf(out->native_text + used, sizeof out->native_text - used,
                 " (the transport closed)");
    }
}
