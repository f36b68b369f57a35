/* The verdict vocabulary: every reason round-trips through text; malformed text is refused. */
#include "mg_test.h"
#include "outcome.h"

int main(void)
{
    for (int r = MG_REASON_NONE + 1; r < MG_REASON_COUNT; r++) {
        mg_verdict v = {MG_VERDICT_SERVER_REJECTS, (mg_reason)r}, back;
        char text[64];
        mg_verdict_format(v, text, sizeof text);
        CHECK(mg_verdict_parse(text, &back) && mg_verdict_equal(v, back));
    }
    mg_verdict v;
    CHECK(mg_verdict_parse("ok", &v) && v.kind == MG_VERDICT_OK);
    CHECK(mg_verdict_parse("timeout", &v) && v.kind == MG_VERDICT_TIMEOUT);
    CHECK(mg_verdict_parse("client-rejects:hostname-mismatch", &v) &&
          v.kind == MG_VERDICT_CLIENT_REJECTS && v.reason == MG_REASON_HOSTNAME_MISMATCH);
    CHECK(!mg_verdict_parse("ok:expired", &v));
    CHECK(!mg_verdict_parse("server-rejects", &v));
    CHECK(!mg_verdict_parse("server-rejects:", &v));
    CHECK(!mg_verdict_parse("server-rejects:grumpy", &v));
    CHECK(!mg_verdict_parse("okay", &v));
    char text[64];
    mg_verdict_format((mg_verdict){MG_VERDICT_CRASH, MG_REASON_NONE}, text, sizeof text);
    CHECK_STR(text, "crash");
    CHECK_STR(mg_reason_name(MG_REASON_BAD_PURPOSE), "bad-purpose");
    TEST_END();
}
