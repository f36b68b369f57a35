/* How one handshake reads as the validator's answer, and how a harness picks its answer from
 * several pairings: outcomes made up here for a SERVER and a CLIENT testcase. */
#include "limbo_results.h"
#include "registry.h"
#include "mg_test.h"

#include <stdio.h>
#include <string.h>

/* The judge reads only stack names: two stand-ins, so the test needs no particular backend. */
static const mg_stack stand_in_openssl = {.name = "openssl"};
static const mg_stack stand_in_gnutls = {.name = "gnutls"};

static mg_limbo_testcase testcases[2];
static mg_limbo_suite suite = {testcases, 2};
static mg_limbo_case_key keys[1];
static mg_limbo_plan plan = {.suite = &suite, .keys = keys, .count = 1};

/* A made-up handshake of this verdict in which each side sent the alert given (MG_NO_ALERT:
 * none). */
static mg_limbo_result answer(size_t testcase, mg_verdict_kind kind, int client_sent,
                              int server_sent)
{
    keys[0].testcase = testcase;
    mg_case_outcome o;
    mg_case_outcome_init(&o);
    o.verdict = (mg_verdict){kind, MG_REASON_OTHER};
    o.client.alert_sent = o.server.alert_received = client_sent;
    o.server.alert_sent = o.client.alert_received = server_sent;
    return mg_limbo_handshake_result(&plan, 0, &o);
}

static void check_single_handshakes(void)
{
    const size_t server_kind = 0, client_kind = 1; /* validated by the client, the server */
    const int none = MG_NO_ALERT;
    CHECK(answer(server_kind, MG_VERDICT_OK, none, none) == MG_LIMBO_SUCCESS);
    CHECK(answer(server_kind, MG_VERDICT_CLIENT_REJECTS, none, none) == MG_LIMBO_FAILURE);
    CHECK(answer(server_kind, MG_VERDICT_CLIENT_ERROR, none, none) == MG_LIMBO_FAILURE);
    CHECK(answer(server_kind, MG_VERDICT_SERVER_ERROR, none, none) == MG_LIMBO_SKIPPED);
    CHECK(answer(client_kind, MG_VERDICT_SERVER_REJECTS, none, none) == MG_LIMBO_FAILURE);
    CHECK(answer(client_kind, MG_VERDICT_CLIENT_ERROR, none, none) == MG_LIMBO_SKIPPED);
    CHECK(answer(client_kind, MG_VERDICT_CLIENT_REJECTS, none, none) == MG_LIMBO_SKIPPED);
    CHECK(answer(server_kind, MG_VERDICT_TIMEOUT, none, none) == MG_LIMBO_HANG);
    CHECK(answer(client_kind, MG_VERDICT_CRASH, none, none) == MG_LIMBO_HANG);
    /* Protocol failures: whoever sent the alert refused (47 illegal_parameter, 42
     * bad_certificate); with no alert either way, it counts against the chain. */
    CHECK(answer(server_kind, MG_VERDICT_PROTOCOL, none, 47) == MG_LIMBO_SKIPPED);
    CHECK(answer(server_kind, MG_VERDICT_PROTOCOL, 42, none) == MG_LIMBO_FAILURE);
    CHECK(answer(client_kind, MG_VERDICT_PROTOCOL, none, 47) == MG_LIMBO_FAILURE);
    CHECK(answer(client_kind, MG_VERDICT_PROTOCOL, 42, none) == MG_LIMBO_SKIPPED);
    CHECK(answer(server_kind, MG_VERDICT_PROTOCOL, none, none) == MG_LIMBO_FAILURE);
    mg_case_outcome skipped;
    mg_case_outcome_init(&skipped);
    skipped.skipped = true;
    CHECK(mg_limbo_handshake_result(&plan, 0, &skipped) == MG_LIMBO_SKIPPED);
    CHECK_STR(mg_limbo_result_name(MG_LIMBO_HANG), "HANG");
}

/* One SERVER testcase on openssl,gnutls x TLS 1.3, 1.2: the openssl client's answer comes from
 * openssl-openssl TLS 1.3 unless that pairing could not present; others that differ are named. */
static void check_harness_answers(void)
{
    static mg_limbo_case_key k[8];
    static mg_case c[8];
    mg_case_outcome o[8];
    const mg_stack *s[2] = {&stand_in_openssl, &stand_in_gnutls};
    mg_tls_version v[2] = {MG_TLS13, MG_TLS12};
    size_t n = 0;
    for (size_t t = 0; t < 2; t++)
        for (size_t ci = 0; ci < 2; ci++)
            for (size_t si = 0; si < 2; si++, n++) {
                k[n] = (mg_limbo_case_key){0, s[ci], s[si], v[t]};
                c[n] = (mg_case){.client_stack = s[ci], .server_stack = s[si]};
                mg_case_outcome_init(&o[n]);
                o[n].verdict = (mg_verdict){MG_VERDICT_OK, MG_REASON_NONE};
            }
    mg_limbo_plan p = {.suite = &suite, .axes = {.stacks = {s[0], s[1]}, .stack_count = 2,
                       .tls = {MG_TLS13, MG_TLS12}, .tls_count = 2}, .keys = k, .cases = c,
                       .count = 8};
    o[0].verdict = (mg_verdict){MG_VERDICT_SERVER_ERROR, MG_REASON_BAD_CREDENTIAL}; /* o-o 1.3 */
    o[5].verdict = (mg_verdict){MG_VERDICT_CLIENT_REJECTS, MG_REASON_EXPIRED};      /* o-g 1.2 */
    o[7].verdict = (mg_verdict){MG_VERDICT_TIMEOUT, MG_REASON_NONE};                /* g-g 1.2 */
    mg_limbo_harness *h = NULL;
    size_t count = 0;
    CHECK(mg_ok(mg_limbo_judge(&p, o, &h, &count)));
    CHECK(count == 4);
    if (count == 4) {
        CHECK_STR(h[0].name, "mtlsgrid-openssl-client");
        const mg_limbo_entry *e = &h[0].entries[0];
        CHECK(h[0].count == 1 && e->own_kind && e->primary == 4); /* openssl-openssl TLS 1.2 */
        CHECK(e->result == MG_LIMBO_SUCCESS && e->agrees && e->inconsistent);
        CHECK(strstr(e->context, "differs: client-rejects:expired on openssl-gnutls TLS 1.2"));
        CHECK(h[0].agree == 1 && h[0].inconsistent == 1);
        CHECK(h[1].count == 1 && !h[1].entries[0].own_kind && h[1].skipped == 0);
        e = &h[2].entries[0]; /* the gnutls client: g-g 1.3 answers, g-g 1.2 hung */
        CHECK(e->primary == 3 && e->result == MG_LIMBO_SUCCESS && e->inconsistent && e->hung);
        CHECK(h[2].agree == 1 && h[2].hang == 1 && !h[0].entries[0].hung);
    }
    mg_limbo_harnesses_free(h, count);
}

int main(void)
{
    testcases[0] = (mg_limbo_testcase){.id = "a::server", .kind = MG_LIMBO_SERVER,
                                       .expect_success = true};
    testcases[1] = (mg_limbo_testcase){.id = "a::client", .kind = MG_LIMBO_CLIENT};
    check_single_handshakes();
    check_harness_answers();
    TEST_END();
}
