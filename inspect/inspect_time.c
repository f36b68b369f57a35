#include "inspect_time.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

int64_t mg_inspect_days_from_civil(int64_t year, int month, int day)
{
    /* Howard Hinnant's algorithm: years start in March so the leap day comes last. */
    year -= month <= 2;
    int64_t era = (year >= 0 ? year : year - 399) / 400;
    int64_t yoe = year - era * 400;
    int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static bool is_leap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int64_t year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

/* Reads exactly n digits at *p, advancing it. */
static bool digits(const char **p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        char c = (*p)[i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    *p += n;
    *out = v;
    return true;
}

static bool parse_epoch(const char *text, int64_t *out)
{
    if (*text == '@') text++;
    if (!*text || strlen(text) > 12) return false;
    int64_t v = 0;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9') return false;
        v = v * 10 + (*p - '0');
    }
    *out = v;
    return true;
}

/* "Z", "+hh:mm", "+hhmm" or nothing; the result is what to subtract to get UTC. */
static bool parse_offset(const char *p, int64_t *seconds)
{
    *seconds = 0;
    if (!*p || (p[0] == 'Z' && !p[1])) return true;
    if (*p != '+' && *p != '-') return false;
    int sign = *p++ == '-' ? -1 : 1, hh, mm;
    if (!digits(&p, 2, &hh)) return false;
    if (*p == ':') p++;
    if (!digits(&p, 2, &mm) || *p || hh > 23 || mm > 59) return false;
    *seconds = sign * (hh * 3600 + mm * 60);
    return true;
}

static bool parse_calendar(const char *p, int64_t *out)
{
    int y, mo, d, h = 0, mi = 0, s = 0;
    if (!digits(&p, 4, &y) || *p++ != '-' || !digits(&p, 2, &mo) || *p++ != '-' ||
        !digits(&p, 2, &d))
        return false;
    if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) return false;
    int64_t offset = 0;
    if (*p == 'T' || *p == ' ') {
        p++;
        if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi)) return false;
        if (*p == ':' && (p++, !digits(&p, 2, &s))) return false;
        if (h > 23 || mi > 59 || s > 60) return false; /* 60: a leap second, as in ASN.1 */
        if (!parse_offset(p, &offset)) return false;
    } else if (*p) {
        return false;
    }
    *out = mg_inspect_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offset;
    return true;
}

bool mg_inspect_parse_time(const char *text, int64_t now, int64_t *out)
{
    if (!text || !*text) return false;
    if (strcmp(text, "now") == 0) {
        *out = now;
        return true;
    }
    if (strchr(text, '-') && parse_calendar(text, out)) return true;
    return !strchr(text, '-') && parse_epoch(text, out);
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
