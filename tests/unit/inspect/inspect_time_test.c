/* --at parsing and the date words: every accepted form, the refused ones, and the calendar
 * arithmetic against the C library's timegm-free reference values. */
#include "inspect_time.h"
#include "mg_test.h"

#include <stdint.h>

static int64_t parsed(const char *text)
{
    int64_t t = -1;
    return mg_inspect_parse_time(text, 42, &t) ? t : -1;
}

int main(void)
{
    const int64_t ref = INT64_C(1767225600); /* 2026-01-01T00:00:00Z, the matrix's pinned time */
    CHECK(parsed("2026-01-01T00:00:00Z") == ref);
    CHECK(parsed("2026-01-01T00:00:00") == ref);
    CHECK(parsed("2026-01-01 00:00") == ref);
    CHECK(parsed("2026-01-01") == ref);
    CHECK(parsed("1767225600") == ref);
    CHECK(parsed("@1767225600") == ref);
    CHECK(parsed("2026-01-01T02:00:00+02:00") == ref);
    CHECK(parsed("2025-12-31T19:00:00-0500") == ref);
    CHECK(parsed("now") == 42);
    CHECK(parsed("1970-01-01") == 0);
    CHECK(parsed("2024-02-29T12:34:56Z") == INT64_C(1709210096));
    CHECK(parsed("2000-03-01") == INT64_C(951868800));
    /* refused */
    CHECK(parsed("") == -1);
    CHECK(parsed("yesterday") == -1);
    CHECK(parsed("2026-02-29") == -1);
    CHECK(parsed("2025-02-30") == -1);
    CHECK(parsed("2026-13-01") == -1);
    CHECK(parsed("2026-01-01T24:00") == -1);
    CHECK(parsed("2026-01-01T00:60") == -1);
    CHECK(parsed("2026-01-01T00:00:00Q") == -1);
    CHECK(parsed("2026-01-01T00:00:00+2") == -1);
    CHECK(parsed("2026-1-1") == -1);
    CHECK(parsed("-5") == -1);
    CHECK(parsed("12x") == -1);
    CHECK(parsed("1234567890123") == -1);
    CHECK(!mg_inspect_parse_time(NULL, 0, &(int64_t){0}));

    CHECK(mg_inspect_days_from_civil(1970, 1, 1) == 0);
    CHECK(mg_inspect_days_from_civil(2026, 1, 1) == 20454);
    CHECK(mg_inspect_days_from_civil(1969, 12, 31) == -1);

    char buf[40];
    mg_inspect_format_time(ref, buf, sizeof buf);
    CHECK_STR(buf, "2026-01-01 00:00:00 UTC");
    mg_inspect_format_time_iso(ref + 61, buf, sizeof buf);
    CHECK_STR(buf, "2026-01-01T00:01:01Z");
    mg_inspect_format_span(30 * 86400, buf, sizeof buf);
    CHECK_STR(buf, "30 days");
    mg_inspect_format_span(-3600, buf, sizeof buf);
    CHECK_STR(buf, "1 hour");
    mg_inspect_format_span(59, buf, sizeof buf);
    CHECK_STR(buf, "59 seconds");
    mg_inspect_format_span(0, buf, sizeof buf);
    CHECK_STR(buf, "0 seconds");
    TEST_END();
}
