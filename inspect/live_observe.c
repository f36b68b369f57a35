/* Both attempts of inspect --connect, each on its own connection, within one deadline. */
#include "live_internal.h"

#include "seconds.h"

#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

static MG_RESULT one_attempt(const mg_live_request *req, int version, double deadline,
                             mg_live_attempt *a)
{
    int fd = -1;
    MG_GUARD(mg_live_tcp_connect(req, deadline, &fd));
    mg_result r = mg_live_attempt_run(req, version, fd, deadline, a);
    close(fd);
    return r;
}

mg_result mg_live_observe(const mg_live_request *req, mg_live_result *out)
{
    *out = (mg_live_result){{{.tls = "1.2"}, {.tls = "1.3"}}};
    double deadline = mg_monotonic_seconds() + req->timeout;
    const int versions[2] = {TLS1_2_VERSION, TLS1_3_VERSION};
    /* A server that closes while libssl writes (its alert sent, the socket gone) would end the
     * program with SIGPIPE instead of an outcome: EPIPE is an outcome here. */
    void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN);
    mg_result r = MG_OK;
    for (int i = 0; i < 2 && mg_ok(r); i++)
        r = one_attempt(req, versions[i], deadline, &out->attempts[i]);
    signal(SIGPIPE, old_pipe);
    if (mg_ok(r) && (out->attempts[0].chain || out->attempts[1].chain)) return MG_OK;
    if (mg_ok(r))
        r = mg_fail(MG_E_INPUT, "inspect: --connect %s: no server certificate in TLS 1.2 (%s) "
                    "nor in TLS 1.3 (%s)", req->target, out->attempts[0].detail,
                    out->attempts[1].detail);
    mg_live_result_free(out);
    return r;
}

void mg_live_result_free(mg_live_result *r)
{
    for (int i = 0; i < 2; i++) {
        sk_X509_pop_free(r->attempts[i].chain, X509_free);
        r->attempts[i].chain = NULL;
        mg_live_request_free(&r->attempts[i].request);
    }
}

const char *mg_live_client_certificate(const mg_live_result *r)
{
    bool asked = false;
    for (int i = 0; i < 2; i++) {
        if (r->attempts[i].outcome == MG_LIVE_CERT_REQUIRED) return "required";
        asked = asked || r->attempts[i].asked;
    }
    return asked ? "requested" : "not-requested";
}
