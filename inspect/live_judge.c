/* The chains the attempts brought, judged: once when both versions sent the same one. */
#include "live_inspect.h"

#include "inspect_names.h"

#include <stdio.h>
#include <string.h>

const char *const mg_live_not_observable[] = {
    "which client certificates the server really accepts: only its CA names are sent, a server "
    "may send none or not all of them, and its verdict shows only when a certificate is "
    "presented (this client presents none)",
    "TLS 1.3's signature_algorithms_cert, certificate_request_context and oid_filters: libssl "
    "keeps them to itself",
    "a refusal after the handshake in the application (nginx's HTTP 400 \"No required SSL "
    "certificate was sent\"), and a post-handshake request sent only after a request for some "
    "path (Apache's per-directory SSLVerifyClient): inspect sends no request",
    NULL,
};

static bool same_chain(STACK_OF(X509) *a, STACK_OF(X509) *b)
{
    if (sk_X509_num(a) != sk_X509_num(b)) return false;
    for (int i = 0; i < sk_X509_num(a); i++)
        if (X509_cmp(sk_X509_value(a, i), sk_X509_value(b, i)) != 0) return false;
    return true;
}

static MG_RESULT judge(const mg_inspect_session *session, mg_live_inspection *in,
                       STACK_OF(X509) *chain, const char *tls, const char *label)
{
    mg_inspect_report *report = &in->reports[in->report_count];
    mg_result r = mg_inspect_chain(session, label, chain, true, report);
    if (!mg_ok(r)) {
        mg_inspect_report_free(report);
        return r;
    }
    in->report_tls[in->report_count++] = tls;
    return MG_OK;
}

mg_result mg_live_inspect(const mg_inspect_session *session, const mg_live_request *req,
                          mg_live_inspection *out)
{
    *out = (mg_live_inspection){.request = req};
    const char *name = req->servername ? req->servername : req->host;
    out->sni = mg_inspect_host_kind(name) == MG_HOST_DNS ? name : NULL;
    MG_GUARD(mg_live_observe(req, &out->live));
    STACK_OF(X509) *c12 = out->live.attempts[0].chain, *c13 = out->live.attempts[1].chain;
    mg_result r = MG_OK;
    char label[320];
    if (c12 && c13 && same_chain(c12, c13)) {
        r = judge(session, out, c12, "1.2 and 1.3", req->target);
    } else {
        if (c12) {
            snprintf(label, sizeof label, "%s (TLS 1.2)", req->target);
            r = judge(session, out, c12, "1.2", label);
        }
        if (mg_ok(r) && c13) {
            snprintf(label, sizeof label, "%s (TLS 1.3)", req->target);
            r = judge(session, out, c13, "1.3", label);
        }
    }
    if (!mg_ok(r)) mg_live_inspection_free(out);
    return r;
}

void mg_live_inspection_free(mg_live_inspection *in)
{
    for (size_t i = 0; i < in->report_count; i++) mg_inspect_report_free(&in->reports[i]);
    in->report_count = 0;
    mg_live_result_free(&in->live);
}
