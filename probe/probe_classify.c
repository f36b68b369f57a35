/* From a connection to a verdict: what counts as rejection is read from the connection, in TLS
 * (an alert, a reset) or in HTTP (a status the user names), and the gateway's own words (the
 * alert, the status line, the page title) are kept beside it. */
#include "probe_case.h"

#include <stdio.h>
#include <string.h>

const char *mg_probe_class_name(mg_probe_class c)
{
    switch (c) {
    case MG_PROBE_ACCEPTED: return "accepted";
    case MG_PROBE_PASSED: return "passed to the application";
    case MG_PROBE_REJECTED_TLS: return "rejected in TLS";
    case MG_PROBE_REJECTED_HTTP: return "rejected in HTTP";
    case MG_PROBE_OUR_SIDE: return "probe's own client failed";
    case MG_PROBE_NO_ANSWER: return "no answer";
    case MG_PROBE_NOT_RUN: return "not run";
    }
    return "?";
}

bool mg_probe_class_rejected(mg_probe_class c)
{
    return c == MG_PROBE_REJECTED_TLS || c == MG_PROBE_REJECTED_HTTP;
}

static void set_verdict(mg_probe_case *c, mg_verdict_kind kind, mg_reason reason)
{
    mg_verdict_format((mg_verdict){kind, reason}, c->verdict, sizeof c->verdict);
}

static void classify_http(const mg_probe_rules *rules, int status, const char *response,
                          mg_probe_case *c)
{
    const char *said = c->title[0] ? c->title : c->status_line;
    if (mg_status_set_has(&rules->reject, status)) {
        c->cls = MG_PROBE_REJECTED_HTTP;
        /* 496 is nginx's "no certificate"; anything else says only "refused". */
        set_verdict(c, MG_VERDICT_SERVER_REJECTS,
                    status == 496 ? MG_REASON_NO_CERTIFICATE : MG_REASON_OTHER);
        snprintf(c->reason_text, sizeof c->reason_text, "rejected in HTTP: %s%s%s",
                 c->status_line, c->title[0] ? " — " : "", c->title);
        return;
    }
    bool named = rules->accept.given || rules->accept_body;
    const char *body = strstr(response, "\r\n\r\n");
    bool status_ok = !rules->accept.given || mg_status_set_has(&rules->accept, status);
    bool body_ok = !rules->accept_body || (body && strstr(body, rules->accept_body));
    c->cls = !named || (status_ok && body_ok) ? MG_PROBE_ACCEPTED : MG_PROBE_PASSED;
    set_verdict(c, MG_VERDICT_OK, MG_REASON_NONE);
    snprintf(c->reason_text, sizeof c->reason_text, "%s: %s", mg_probe_class_name(c->cls),
             said[0] ? said : "an answer without an HTTP status line");
}

void mg_probe_classify(const mg_probe_rules *rules, const mg_tcp_result *tcp,
                       const char *response, bool timed_out, mg_probe_case *c)
{
    mg_http_status_line(response, c->status_line, sizeof c->status_line);
    mg_http_title(response, c->title, sizeof c->title);
    mg_verdict v = tcp->verdict;
    if (v.kind == MG_VERDICT_CLIENT_REJECTS || v.kind == MG_VERDICT_CLIENT_ERROR) {
        c->cls = MG_PROBE_OUR_SIDE;
        set_verdict(c, v.kind, v.reason);
        snprintf(c->reason_text, sizeof c->reason_text,
                 "probe's client refused the gateway or could not start (check --server-trust "
                 "and the URL's host name): %.800s", tcp->reason_text);
        return;
    }
    if (v.kind == MG_VERDICT_OK) {
        classify_http(rules, mg_http_status(response), response, c);
        return;
    }
    if (timed_out) {
        c->cls = MG_PROBE_NO_ANSWER;
        set_verdict(c, MG_VERDICT_TIMEOUT, MG_REASON_NONE);
        snprintf(c->reason_text, sizeof c->reason_text,
                 "no answer within the timeout: %.900s", tcp->reason_text);
        return;
    }
    /* An alert or a reset: the gateway ended the connection on seeing our certificate (in TLS
     * 1.3 after our Finished, seen through the round trip). */
    c->cls = MG_PROBE_REJECTED_TLS;
    set_verdict(c, MG_VERDICT_SERVER_REJECTS,
                v.kind == MG_VERDICT_SERVER_REJECTS ? v.reason : MG_REASON_OTHER);
    snprintf(c->reason_text, sizeof c->reason_text, "rejected in TLS: %.900s", tcp->reason_text);
}
