/* The comparator: pass, fail, xfail (divergence happened), xpass (stale divergence), skip; a
 * rejection whose alert the peer never saw fails unless an alert record covers it. */
#include "mg_test.h"
#include "report.h"

#include <stdlib.h>

static void check_unseen(void)
{
    mg_side_outcome judge, peer;
    mg_side_outcome_init(&judge);
    mg_side_outcome_init(&peer);
    mg_verdict server_rejects = {MG_VERDICT_SERVER_REJECTS, MG_REASON_EXPIRED};
    CHECK(mg_rejection_alert_unseen(server_rejects, &peer, &judge)); /* none sent */
    judge.alert_sent = 45;
    CHECK(mg_rejection_alert_unseen(server_rejects, &peer, &judge)); /* none received */
    peer.alert_received = 45;
    CHECK(!mg_rejection_alert_unseen(server_rejects, &peer, &judge));
    CHECK(mg_rejection_alert_unseen((mg_verdict){MG_VERDICT_CLIENT_REJECTS, MG_REASON_EXPIRED},
                                    &peer, &judge)); /* the client sent nothing */
    CHECK(!mg_rejection_alert_unseen((mg_verdict){MG_VERDICT_PROTOCOL, MG_REASON_OTHER}, &peer,
                                     &judge));
}

/* An OpenSSL client's rejection of a GnuTLS server in TLS 1.3, alert lost. */
static void check_alerts(void)
{
    check_unseen();
    mg_verdict expected = {MG_VERDICT_CLIENT_REJECTS, MG_REASON_EXPIRED};
    mg_scenario scenario = {.id = "server-expired", .expected = &expected, .expected_count = 1};
    mg_divergence d = {.id = "openssl-plaintext-alert", .stack = "openssl", .side = "client",
                       .scenario = "*", .tls = "1.3", .policy = "*", .version = "3.0.*",
                       .peer = "gnutls", .alert = "unseen"};
    mg_scenario_set set = {&scenario, 1, &d, 1};
    mg_case_facts f = {&scenario, "openssl", "gnutls", "3.0.19", "3.7.9", "1.3", "strict",
                       false, expected, true};
    mg_grading g = mg_grade_case(&set, &f);
    CHECK(g.grade == MG_GRADE_XFAIL && g.divergence == &d && g.alert_unseen);
    f.alert_unseen = false; /* OpenSSL now encrypts it: the record is stale */
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_XPASS);
    f.alert_unseen = true, f.server = "openssl"; /* not covered against an OpenSSL server */
    g = mg_grade_case(&set, &f);
    CHECK(g.grade == MG_GRADE_FAIL && g.alert_unseen);
    f.server = "gnutls", f.tls = "1.2";
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_FAIL);
    f.tls = "1.3", f.client = "gnutls", f.server = "openssl"; /* the record's stack, other role */
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_FAIL);
    f.client = "openssl", f.server = "gnutls";
    f.verdict = (mg_verdict){MG_VERDICT_OK, MG_REASON_NONE}; /* not the expected rejection */
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_FAIL);
}

/* A `versions` range in place of the `version` glob: the record applies on the versions in
 * the range only (the case of main: a GnuTLS server that skips the EKU check, xfail). */
static void check_version_ranges(mg_scenario_set *set, mg_divergence *d, mg_case_facts *f)
{
    d->version = NULL, d->versions = ">=3.7, <3.8 | 3.8.9";
    CHECK(mg_grade_case(set, f).grade == MG_GRADE_XFAIL); /* 3.7.9 */
    f->server_version = "3.8.1";
    CHECK(mg_grade_case(set, f).grade == MG_GRADE_FAIL);
    f->server_version = "3.8.9";
    CHECK(mg_grade_case(set, f).grade == MG_GRADE_XFAIL);
    f->server_version = "3.10.0"; /* numeric: not below 3.8 */
    d->versions = ">=3.7, <3.8";
    CHECK(mg_grade_case(set, f).grade == MG_GRADE_FAIL);
    CHECK(!mg_divergence_applies_to(d, "3.10.0") && mg_divergence_applies_to(d, "3.7.1"));
    CHECK_STR(mg_divergence_versions_text(d), ">=3.7, <3.8");
    d->versions = NULL, d->version = "3.7.*", f->server_version = "3.7.9";
}

int main(void)
{
    mg_verdict expected = {MG_VERDICT_SERVER_REJECTS, MG_REASON_BAD_PURPOSE};
    mg_scenario scenario = {.id = "client-eku-serverauth", .expected = &expected,
                            .expected_count = 1};
    mg_divergence d = {.id = "gnutls-minimal-eku", .stack = "gnutls", .side = "server",
                       .scenario = "client-eku-*", .tls = "*", .policy = "minimal",
                       .version = "3.7.*", .verdict = {MG_VERDICT_OK, MG_REASON_NONE},
                       .verdict_given = true};
    mg_scenario_set set = {&scenario, 1, &d, 1};
    mg_case_facts f = {&scenario, "openssl", "gnutls", "3.0.19", "3.7.9", "1.3", "minimal",
                       false, {MG_VERDICT_OK, MG_REASON_NONE}, false};
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_XFAIL);
    CHECK(mg_grade_case(&set, &f).divergence == &d);
    f.verdict = expected;
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_XPASS);
    f.verdict = (mg_verdict){MG_VERDICT_PROTOCOL, MG_REASON_OTHER};
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_FAIL);
    f.policy = "strict"; /* the record does not cover strict */
    f.verdict = (mg_verdict){MG_VERDICT_OK, MG_REASON_NONE};
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_FAIL);
    f.verdict = expected;
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_PASS);
    f.policy = "minimal", f.server = "openssl"; /* gnutls only as server */
    f.verdict = (mg_verdict){MG_VERDICT_OK, MG_REASON_NONE};
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_FAIL);
    f.server = "gnutls", f.server_version = "3.8.1"; /* version-scoped */
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_FAIL);
    f.server_version = "3.7.9";
    d.peer = "gnutls"; /* only against a GnuTLS client */
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_FAIL);
    f.client = "gnutls";
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_XFAIL);
    check_version_ranges(&set, &d, &f);
    f.skipped = true;
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_SKIP);
    CHECK_STR(mg_grade_name(MG_GRADE_XPASS), "xpass");
    check_alerts();
    TEST_END();
}
