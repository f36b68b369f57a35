/* Validity against the instant asked (--at, or now). OpenSSL's rule: valid from notBefore to
 * notAfter inclusive. */
#include "inspect_internal.h"
#include "inspect_time.h"

mg_result mg_check_validity(const mg_inspect_subject *s, mg_inspect_report *r)
{
    int64_t from, until, at = s->session->at;
    if (!mg_inspect_asn1_seconds(X509_get0_notBefore(s->leaf), &from) ||
        !mg_inspect_asn1_seconds(X509_get0_notAfter(s->leaf), &until))
        return mg_inspect_add_problem(r, "chain-other",
                                      "The validity dates are malformed (OpenSSL: verify error "
                                      "13/14 \"format error in certificate's notBefore/notAfter "
                                      "field\").");
    char at_text[32], edge[32], span[32];
    mg_inspect_format_time(at, at_text, sizeof at_text);
    if (at < from) {
        mg_inspect_format_time(from, edge, sizeof edge);
        mg_inspect_format_span(from - at, span, sizeof span);
        return mg_inspect_add_problem(r, "not-yet-valid",
                                      "It becomes valid on %s, %s after the time checked (%s).",
                                      edge, span, at_text);
    }
    if (at > until) {
        mg_inspect_format_time(until, edge, sizeof edge);
        mg_inspect_format_span(at - until, span, sizeof span);
        return mg_inspect_add_problem(r, "expired",
                                      "It expired on %s, %s before the time checked (%s).", edge,
                                      span, at_text);
    }
    mg_inspect_format_time(until, edge, sizeof edge);
    mg_inspect_format_span(until - at, span, sizeof span);
    return mg_inspect_add_passed(r, "validity", "valid at %s; expires %s (in %s)", at_text, edge,
                                 span);
}
