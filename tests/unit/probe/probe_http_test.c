/* What probe reads from a gateway: the URL it is given, the status line and <title> of an
 * answer, the status lists, and the classification of an exchange into accepted, passed to the
 * application, rejected in TLS or in HTTP. */
#include "mg_test.h"
#include "probe_case.h"
#include "probe_http.h"

#include <string.h>

static void check_urls(void)
{
    mg_probe_url u;
    CHECK(mg_ok(mg_probe_url_parse("https://localhost:8443/app?x=1", &u)));
    CHECK_STR(u.host, "localhost");
    CHECK(u.port == 8443);
    CHECK_STR(u.path, "/app?x=1");
    CHECK(mg_ok(mg_probe_url_parse("https://gw.example", &u)));
    CHECK(u.port == 443);
    CHECK_STR(u.path, "/");
    CHECK(mg_ok(mg_probe_url_parse("https://[::1]:9443/", &u)));
    CHECK_STR(u.host, "::1");
    CHECK(u.port == 9443);
    static const char *const bad[] = {"http://localhost/", "https://:443/", "https://h:0/",
                                      "https://h:70000/", "https://h:12x/", "https://[::1/",
                                      "https://h/a b", "localhost:443"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        mg_result r = mg_probe_url_parse(bad[i], &u);
        CHECK(r.kind == MG_E_USAGE);
        CHECK(strstr(mg_error_message(), bad[i]) != NULL);
    }
}

static const char nginx_400[] =
    "HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nContent-Type: text/html\r\n\r\n<html>\r\n"
    "<head><TITLE>400 The SSL\r\n   certificate error</title></head>\r\n<body></body></html>";

static void check_status_and_title(void)
{
    char line[128], title[128];
    CHECK(mg_http_status(nginx_400) == 400);
    mg_http_status_line(nginx_400, line, sizeof line);
    CHECK_STR(line, "HTTP/1.1 400 Bad Request");
    mg_http_title(nginx_400, title, sizeof title);
    CHECK_STR(title, "400 The SSL certificate error");
    CHECK(mg_http_status("SSH-2.0-OpenSSH\r\n") == 0);
    mg_http_status_line("garbage", line, sizeof line);
    CHECK_STR(line, "");
    mg_http_title("HTTP/1.1 200 OK\r\n\r\n<title>never closed", title, sizeof title);
    CHECK_STR(title, "");
    mg_http_title(nginx_400, title, 8); /* cut, never overrun */
    CHECK_STR(title, "400 The");
}

static void check_status_sets(void)
{
    mg_status_set s;
    CHECK(mg_ok(mg_status_set_parse("reject-status", "400,403,5xx", &s)));
    CHECK(s.given && mg_status_set_has(&s, 400) && mg_status_set_has(&s, 403));
    CHECK(mg_status_set_has(&s, 503) && !mg_status_set_has(&s, 401));
    CHECK(!mg_status_set_has(&s, 0) && !mg_status_set_has(&s, 700));
    CHECK(mg_ok(mg_status_set_parse("accept-status", NULL, &s)) && !s.given);
    static const char *const bad[] = {"", "99", "600", "4x", "abc", "400,,403", "40"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        mg_result r = mg_status_set_parse("reject-status", bad[i], &s);
        CHECK(r.kind == MG_E_USAGE);
        CHECK(strstr(mg_error_message(), "--reject-status") != NULL);
    }
}

/* An exchange the harness finished with `verdict` and `response`. */
static mg_probe_class classify(const mg_probe_rules *rules, mg_verdict verdict, int alert,
                               const char *response, bool timed_out, mg_probe_case *c)
{
    mg_tcp_result tcp;
    memset(&tcp, 0, sizeof tcp);
    tcp.verdict = verdict;
    tcp.side.alert_received = alert;
    snprintf(tcp.reason_text, sizeof tcp.reason_text, "client: the words of the stack");
    memset(c, 0, sizeof *c);
    mg_probe_classify(rules, &tcp, response, timed_out, c);
    return c->cls;
}

static void check_classification(void)
{
    mg_probe_rules rules;
    memset(&rules, 0, sizeof rules);
    CHECK(mg_ok(mg_status_set_parse("reject-status", "400,403", &rules.reject)));
    mg_probe_case c;
    mg_verdict ok = {MG_VERDICT_OK, MG_REASON_NONE};
    /* nginx refuses in HTTP inside a completed handshake: the status decides, and the page's
     * title is kept as the gateway's reason. */
    CHECK(classify(&rules, ok, MG_NO_ALERT, nginx_400, false, &c) == MG_PROBE_REJECTED_HTTP);
    CHECK_STR(c.verdict, "server-rejects:other");
    CHECK(strstr(c.reason_text, "400 The SSL certificate error") != NULL);
    const char *page = "HTTP/1.1 200 OK\r\n\r\nhello anonymous";
    CHECK(classify(&rules, ok, MG_NO_ALERT, page, false, &c) == MG_PROBE_ACCEPTED);
    CHECK_STR(c.verdict, "ok");
    /* With an acceptance rule, an answer that does not meet it was passed to the application
     * without the gateway's verdict. */
    CHECK(mg_ok(mg_status_set_parse("accept-status", "200", &rules.accept)));
    rules.accept_body = "hello CN=";
    CHECK(classify(&rules, ok, MG_NO_ALERT, page, false, &c) == MG_PROBE_PASSED);
    CHECK(classify(&rules, ok, MG_NO_ALERT, "HTTP/1.1 200 OK\r\n\r\nhello CN=client.test",
                   false, &c) == MG_PROBE_ACCEPTED);
    /* An alert (TLS 1.3's late rejection included) or a reset is a rejection in TLS; a hang is
     * not. */
    mg_verdict alerted = {MG_VERDICT_SERVER_REJECTS, MG_REASON_REVOKED};
    CHECK(classify(&rules, alerted, 44, "", false, &c) == MG_PROBE_REJECTED_TLS);
    CHECK_STR(c.verdict, "server-rejects:revoked");
    mg_verdict reset = {MG_VERDICT_PROTOCOL, MG_REASON_OTHER};
    CHECK(classify(&rules, reset, MG_NO_ALERT, "", false, &c) == MG_PROBE_REJECTED_TLS);
    CHECK_STR(c.verdict, "server-rejects:other");
    CHECK(classify(&rules, reset, MG_NO_ALERT, "", true, &c) == MG_PROBE_NO_ANSWER);
    CHECK(!mg_probe_class_rejected(c.cls));
    /* Our own client refusing the gateway is nobody's rejection of the certificate. */
    mg_verdict ours = {MG_VERDICT_CLIENT_REJECTS, MG_REASON_UNKNOWN_CA};
    CHECK(classify(&rules, ours, MG_NO_ALERT, "", false, &c) == MG_PROBE_OUR_SIDE);
    CHECK(strstr(c.reason_text, "--server-trust") != NULL);
}

int main(void)
{
    check_urls();
    check_status_and_title();
    check_status_sets();
    check_classification();
    TEST_END();
}
