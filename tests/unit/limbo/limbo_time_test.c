/* RFC 3339 validation times: offsets applied, fractions floored (limbo's *-fractional
 * testcases), malformed text refused. */
#include "limbo_suite.h"
#include "mg_test.h"

static int64_t parsed(const char *text)
{
    int64_t at = -1;
    return mg_ok(mg_limbo_parse_time(text, &at)) ? at : -1;
}

int main(void)
{
    CHECK(parsed("1970-01-01T00:00:03+00:00") == 3);
    CHECK(parsed("2024-01-01T00:00:00Z") == 1704067200);
    CHECK(parsed("2024-01-01T01:30:00+01:30") == 1704067200);
    CHECK(parsed("2023-12-31T22:00:00-02:00") == 1704067200);
    CHECK(parsed("2024-03-01T00:00:00.999+00:00") == 1709251200); /* floored */
    CHECK(parsed("2024-04-01T00:00:00.005Z") == 1711929600);
    const char *bad[] = {"", "2024-01-01", "2024-01-01T00:00:00", "2024-13-01T00:00:00Z",
                         "2024-01-01T00:00:00.Z", "2024-01-01T00:00:00+0100",
                         "2024-01-01T00:00:00Zjunk", "24-01-01T00:00:00Z",
                         "2024-01-01T25:00:00Z"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int64_t at = 0;
        mg_result r = mg_limbo_parse_time(bad[i], &at);
        CHECK(r.kind == MG_E_INPUT);
    }
    TEST_END();
}
