#include "inspect_time.h"

#include "at_time.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int64_t mg_inspect_days_from_civil(int64_t year, int month, int day)
{
    return mg_days_from_civil(year, month, day);
}

bool mg_inspect_parse_time(const char *text, int64_t now, int64_t *out)
{
    return mg_at_time_valid(text, now, out);
}

static bool to_tm(int64_t t, struct tm *tm)
{
    time_t tt = (time_t)t;
    return (int64_t)tt == t && gmtime_r(&tt, tm) != NULL;
}

void mg_inspect_format_time(int64_t t, char *buf, size_t len)
{
    struct tm tm;
    if (!to_tm(t, &tm) || strftime(buf, len, "%Y-%m-%d %H:%M:%S UTC", &tm) == 0)
        snprintf(buf, len, "@%lld", (long long)t);
}

void mg_inspect_format_time_iso(int64_t t, char *buf, size_t len)
{
    struct tm tm;
    if (!to_tm(t, &tm) || strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        snprintf(buf, len, "@%lld", (long long)t);
}

void mg_inspect_format_span(int64_t seconds, char *buf, size_t len)
{
    static const struct {
        int64_t size;
        const char *unit;
    } units[] = {{86400, "day"}, {3600, "hour"}, {60, "minute"}, {1, "second"}};
    if (seconds < 0) seconds = -seconds;
    size_t i = 0;
    while (i + 1 < sizeof units / sizeof units[0] && seconds < units[i].size) i++;
    long long n = (long long)(seconds / units[i].size);
    snprintf(buf, len, "%lld %s%s", n, units[i].unit, n == 1 ? "" : "s");
}
