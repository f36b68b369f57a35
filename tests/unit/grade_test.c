/* The comparator: pass, fail, xfail (divergence happened), xpass (stale divergence), skip. */
#include "mg_test.h"
#include "report.h"

#include <stdlib.h>

int main(void)
{
    mg_verdict expected = {MG_VERDICT_SERVER_REJECTS, MG_REASON_BAD_PURPOSE};
    mg_scenario scenario = {.id = "client-eku-serverauth", .expected = &expected,
                            .expected_count = 1};
    mg_divergence d = {.id = "gnutls-minimal-eku", .stack = "gnutls", .side = "server",
                       .scenario = "client-eku-*", .tls = "*", .policy = "minimal",
                       .version = "3.7.*", .verdict = {MG_VERDICT_OK, MG_REASON_NONE}};
    mg_scenario_set set = {&scenario, 1, &d, 1};
    mg_case_facts f = {&scenario, "openssl", "gnutls", "3.0.19", "3.7.9", "1.3", "minimal",
                       false, {MG_VERDICT_OK, MG_REASON_NONE}};
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
    f.skipped = true;
    CHECK(mg_grade_case(&set, &f).grade == MG_GRADE_SKIP);
    CHECK_STR(mg_grade_name(MG_GRADE_XPASS), "xpass");
    TEST_END();
}
