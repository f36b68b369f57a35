/* --at: seconds since the epoch, or ISO 8601 (2026-01-01, 2026-01-01T12:00:00Z, with an
 * optional +HH:MM offset; no zone means UTC). strptime is an XSI interface. */
#define _XOPEN_SOURCE 700

#include "handshake_time.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static bool parse_epoch(const char *text, int64_t *out)
{
    char *end;
    if (!isdigit((unsigned char)text[0])) return false;
    long long v = strtoll(text, &end, 10);
    if (*end) return false;
    *out = v;
    return true;
}

/* "Z", "", "+HH:MM", "-HHMM", "+HH": the offset east of UTC in seconds. */
static bool parse_zone(const char *z, long *offset)
{
    *offset = 0;
    if (!*z || strcmp(z, "Z") == 0) return true;
    int h = 0, m = 0;
    char tail;
    if ((z[0] != '+' && z[0] != '-') ||
        !(sscanf(z + 1, "%2d:%2d%c", &h, &m, &tail) == 2 ||
          sscanf(z + 1, "%2d%2d%c", &h, &m, &tail) == 2 ||
          (strlen(z) == 3 && sscanf(z + 1, "%2d", &h) == 1)) ||
        h > 23 || m > 59)
        return false;
    *offset = (z[0] == '-' ? -1 : 1) * (h * 3600L + m * 60L);
    return true;
}

static bool parse_iso(const char *text, int64_t *out)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *rest = strptime(text, "%Y-%m-%d", &tm);
    if (!rest) return false;
    if (*rest == 'T' || *rest == 't' || *rest == ' ') {
        rest = strptime(rest + 1, "%H:%M", &tm);
        if (!rest) return false;
        if (*rest == ':' && !(rest = strptime(rest + 1, "%S", &tm))) return false;
    }
    long offset;
    if (!parse_zone(rest, &offset)) return false;
    *out = (int64_t)timegm(&tm) - offset;
    return true;
}

mg_result mg_parse_time(const char *flag, const char *text, int64_t *out)
{
    bool ok = parse_epoch(text, out) || parse_iso(text, out);
    MG_ENSURE(ok, MG_E_USAGE,
              "--%s: \"%s\" is not a time (seconds since the epoch, or ISO 8601 such as "
              "2026-01-01T00:00:00Z)", flag, text);
    MG_ENSURE(*out > 0, MG_E_USAGE, "--%s: \"%s\" is before 1970", flag, text);
    return MG_OK;
}
