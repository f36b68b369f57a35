/* The one --at parser accepts the union of what handshake and inspect accepted before it:
 * inspect's "now", "@EPOCH" and leap second, handshake's lowercase 't', "+HH" zones and zones
 * after a bare date; and its message names the flag and the forms. */
#include "at_time.h"
#include "mg_test.h"

#include <stdint.h>

static int64_t parsed(const char *text)
{
    int64_t t = -1;
    return mg_at_time_valid(text, 42, &t) ? t : -1;
}

int main(void)
{
    const int64_t ref = INT64_C(1767225600); /* 2026-01-01T00:00:00Z */
    CHECK(parsed("2026-01-01t00:00:00z") == ref);
    CHECK(parsed("2026-01-01T02:00+02") == ref);
    CHECK(parsed("2026-01-01Z") == ref);
    CHECK(parsed("2026-01-01+01:00") == ref - 3600);
    CHECK(parsed("2016-12-31T23:59:60Z") == INT64_C(1483228800));
    CHECK(parsed("@0") == 0);
    CHECK(parsed("now") == 42);
    CHECK(parsed("2026-01-01T00:00:00+2") == -1);
    CHECK(parsed("2026-01-01T00:00:00+02:0") == -1);
    CHECK(parsed("2026-01-01T") == -1);
    CHECK(parsed("1e9") == -1);
    int64_t t = 0;
    mg_result r = mg_parse_at_time("--at", "yesterday", 0, &t);
    CHECK(!mg_ok(r) && r.kind == MG_E_USAGE);
    CHECK(strstr(mg_error_message(), "--at: \"yesterday\" is not a time") != NULL);
    CHECK(strstr(mg_error_message(), "2026-01-01T00:00:00Z") != NULL);
    CHECK(mg_ok(mg_parse_at_time("--at", "1767225600", 0, &t)) && t == ref);
    CHECK(mg_days_from_civil(2000, 3, 1) == 11017);
    TEST_END();
}
