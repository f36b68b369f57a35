/* Digit by digit, with no strptime or timegm: those accept more than ISO 8601 ("2026-1-1") and
 * depend on the C library; this accepts exactly the forms the header lists. */
#include "at_time.h"

#include <string.h>

int64_t mg_days_from_civil(int64_t year, int month, int day)
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

/* Nothing, "Z", "+hh:mm", "+hhmm" or "+hh": the seconds east of UTC, to subtract. */
static bool parse_zone(const char *p, int64_t *seconds)
{
    *seconds = 0;
    if (!*p || ((p[0] == 'Z' || p[0] == 'z') && !p[1])) return true;
    if (*p != '+' && *p != '-') return false;
    int sign = *p++ == '-' ? -1 : 1, hh, mm = 0;
    if (!digits(&p, 2, &hh)) return false;
    if (*p == ':') p++;
    if (*p && !digits(&p, 2, &mm)) return false;
    if (*p || hh > 23 || mm > 59) return false;
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
    if (*p == 'T' || *p == 't' || *p == ' ') {
        p++;
        if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi)) return false;
        if (*p == ':' && (p++, !digits(&p, 2, &s))) return false;
        if (h > 23 || mi > 59 || s > 60) return false; /* 60: a leap second, as in ASN.1 */
    }
    int64_t offset;
    if (!parse_zone(p, &offset)) return false;
    *out = mg_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s - offset;
    return true;
}

bool mg_at_time_valid(const char *text, int64_t now, int64_t *out)
{
    if (!text || !*text) return false;
    if (strcmp(text, "now") == 0) {
        *out = now;
        return true;
    }
    /* A '-' after the first character is a date's; a leading one would be a negative count. */
    if (strchr(text, '-')) return parse_calendar(text, out);
    return parse_epoch(text, out);
}

mg_result mg_parse_at_time(const char *flag, const char *text, int64_t now, int64_t *out)
{
    MG_ENSURE(mg_at_time_valid(text, now, out), MG_E_USAGE,
              "%s: \"%s\" is not a time: give now, seconds since the epoch (1767225600 or "
              "@1767225600), a date (2026-01-01) or a date and time (2026-01-01T00:00:00Z; "
              "+02:00 or -0500 for another zone)", flag, text ? text : "");
    return MG_OK;
}
