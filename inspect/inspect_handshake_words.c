/* A handshake's words for a problem: the verifying side's own (its native error name, code and
 * text, the shared reason, the alert it sent), quoted as observed when its reason is the
 * problem's; an acceptance is observed too ("it accepts this"). */
#include "inspect_handshake.h"

#include "alert_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const judgement_names[] = {
    [MG_HANDSHAKE_NOT_RUN] = "not-run",   [MG_HANDSHAKE_REFUSED] = "refused",
    [MG_HANDSHAKE_ACCEPTED] = "accepted", [MG_HANDSHAKE_NOT_SENT] = "not-sent",
    [MG_HANDSHAKE_UNCLEAR] = "unclear",   [MG_HANDSHAKE_FAILED] = "failed",
};

const char *mg_inspect_judgement_name(mg_handshake_judgement j) { return judgement_names[j]; }

static bool fits(mg_reason reason, const mg_inspect_cause *cause)
{
    mg_verify_finding finding = {.reason = reason};
    return mg_inspect_finding_fits(&finding, cause);
}

/* A --key that is not the certificate's, which the presenting stack loaded anyway (wolfSSL
 * compares an EC key's point only): what the verifier sees of it is the signature failing. */
static bool proof_failed(const mg_inspect_handshake *h, const mg_inspect_cause *cause)
{
    return !h->stand_in_key && cause->reason == MG_REASON_KEY_MISMATCH &&
           h->verifier.reason == MG_REASON_BAD_SIGNATURE;
}

/* "the server refused it (bad-purpose): EXTKEYUSE_AUTH_E (-386) ...; alert sent
 * bad_certificate(42)" */
static void side_words(const char *who, const char *did, const mg_side_outcome *o, char *buf,
                       size_t len)
{
    char alert[48];
    int n = snprintf(buf, len, "the %s %s (%s)", who, did, mg_reason_name(o->reason));
    if (o->native_text[0] && n >= 0 && (size_t)n < len)
        n += snprintf(buf + n, len - (size_t)n, ": %s", o->native_text);
    if (o->alert_sent != MG_NO_ALERT && n >= 0 && (size_t)n < len)
        snprintf(buf + n, len - (size_t)n, "; alert sent %s",
                 mg_alert_name(o->alert_sent, alert, sizeof alert));
}

static const char *verifier_name(const mg_inspect_report *r)
{
    return r->role == MG_INSPECT_CLIENT ? "server" : "client";
}

static const char *presenter_name(const mg_inspect_report *r)
{
    return r->role == MG_INSPECT_CLIENT ? "client" : "server";
}

/* One version's words for the cause (into buf); false when it does not speak of it. */
static bool version_words(const mg_inspect_report *r, const mg_inspect_handshake *h,
                          const mg_inspect_cause *cause, char *buf, size_t len)
{
    switch (h->judgement) {
    case MG_HANDSHAKE_REFUSED:
        if (!fits(h->verifier.reason, cause) && !proof_failed(h, cause)) return false;
        side_words(verifier_name(r), "refused it", &h->verifier, buf, len);
        return true;
    case MG_HANDSHAKE_NOT_SENT:
        if (!fits(h->presenter.reason, cause)) return false;
        side_words(presenter_name(r), "would not use it", &h->presenter, buf, len);
        return true;
    case MG_HANDSHAKE_ACCEPTED:
        /* a stand-in key says nothing of the real key's match */
        if (h->stand_in_key && cause->reason == MG_REASON_KEY_MISMATCH) return false;
        snprintf(buf, len, "the %s accepted the chain (it accepts this)%s", verifier_name(r),
                 h->verdict.kind == MG_VERDICT_OK
                     ? ""
                     : "; the stand-in key's signature then failed, as it must");
        return true;
    default: return false;
    }
}

/* "observed (a handshake through wolfSSL, TLS 1.2 and 1.3): the server refused it ...", or
 * each version's words in turn where they differ. */
char *mg_inspect_handshake_words(const mg_inspect_report *r, size_t tool,
                                 const mg_inspect_cause *cause)
{
    char words[MG_INSPECT_TLS_COUNT][768], versions[32] = "", text[2048];
    const mg_inspect_handshake *spoke[MG_INSPECT_TLS_COUNT];
    size_t count = 0;
    bool same = true;
    for (size_t v = 0; v < MG_INSPECT_TLS_COUNT; v++) {
        const mg_inspect_handshake *h = &r->handshakes[tool][v];
        if (!h->stack_display || !version_words(r, h, cause, words[count], sizeof words[0]))
            continue;
        same = same && (count == 0 || strcmp(words[count], words[0]) == 0);
        spoke[count++] = h;
    }
    if (!count) return NULL;
    if (same) {
        for (size_t i = 0; i < count; i++)
            snprintf(versions + strlen(versions), sizeof versions - strlen(versions), "%s%s",
                     i ? " and " : "TLS ", mg_tls_name(spoke[i]->tls));
        snprintf(text, sizeof text, "observed (a handshake through %s, %s): %s",
                 spoke[0]->stack_display, versions, words[0]);
        return strdup(text);
    }
    int n = snprintf(text, sizeof text, "observed (a handshake through %s):",
                     spoke[0]->stack_display);
    for (size_t i = 0; i < count && n >= 0 && (size_t)n < sizeof text; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "%s TLS %s: %s", i ? ";" : "",
                      mg_tls_name(spoke[i]->tls), words[i]);
    return strdup(text);
}

/* One version's note when it ran and did not speak of the cause (into buf). */
static bool version_note(const mg_inspect_report *r, const mg_inspect_handshake *h,
                         const mg_inspect_cause *cause, char *buf, size_t len)
{
    char words[768];
    switch (h->judgement) {
    case MG_HANDSHAKE_REFUSED:
        if (fits(h->verifier.reason, cause) || proof_failed(h, cause)) return false;
        side_words(verifier_name(r), "refused it", &h->verifier, words, sizeof words);
        break;
    case MG_HANDSHAKE_NOT_SENT:
        if (fits(h->presenter.reason, cause)) return false;
        side_words(presenter_name(r), "would not use it", &h->presenter, words, sizeof words);
        break;
    case MG_HANDSHAKE_UNCLEAR:
        snprintf(buf, len, "a handshake through %s ended in a bad signature, which the stand-in "
                 "key gives too: give --key to tell them apart", h->stack_display);
        return true;
    case MG_HANDSHAKE_FAILED:
        snprintf(buf, len, "a handshake through %s, TLS %s, judged nothing: %s",
                 h->stack_display, mg_tls_name(h->tls), h->reason_text);
        return true;
    default: return false;
    }
    snprintf(buf, len, "a handshake through %s, TLS %s, stopped at another problem first: %s",
             h->stack_display, mg_tls_name(h->tls), words);
    return true;
}

char *mg_inspect_handshake_other_note(const mg_inspect_report *r, size_t tool,
                                      const mg_inspect_cause *cause)
{
    char note[1536];
    for (size_t v = 0; v < MG_INSPECT_TLS_COUNT; v++) {
        const mg_inspect_handshake *h = &r->handshakes[tool][v];
        if (h->stack_display && version_note(r, h, cause, note, sizeof note)) return strdup(note);
    }
    return NULL;
}

void mg_inspect_handshake_summary(const mg_inspect_handshake *h, char *buf, size_t len)
{
    if (h->judgement == MG_HANDSHAKE_NOT_RUN) {
        snprintf(buf, len, "%s: %s", h->stack_display, h->why_not ? h->why_not : "not run");
        return;
    }
    char verdict[64];
    mg_verdict_format(h->verdict, verdict, sizeof verdict);
    snprintf(buf, len, "%s, TLS %s, %s, %s: %s (%s)", h->stack_display, mg_tls_name(h->tls),
             mg_policy_name(h->policy),
             h->stand_in_key ? "the chain sent with a stand-in key (no --key; TLS 1.3 needs it)"
                             : "the chain sent with --key",
             verdict, mg_inspect_judgement_name(h->judgement));
}
