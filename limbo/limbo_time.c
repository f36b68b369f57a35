/* RFC 3339 date-times, as limbo writes validation_time. The stacks verify at whole seconds;
 * limbo asks validators to floor a fractional instant, which dropping the fraction does. */
#include "limbo_suite.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static bool digits(const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)p[i])) return false;
    return true;
}

/* The zone after the seconds (and fraction): "Z" or "+HH:MM" / "-HH:MM", as seconds east. */
static bool parse_zone(const char *p, long *east)
{
    if ((p[0] == 'Z' || p[0] == 'z') && p[1] == '\0') {
        *east = 0;
        return true;
    }
    if ((p[0] != '+' && p[0] != '-') || strlen(p) != 6 || p[3] != ':' || !digits(p + 1, 2) ||
        !digits(p + 4, 2))
        return false;
    int hours = (p[1] - '0') * 10 + (p[2] - '0'), minutes = (p[4] - '0') * 10 + (p[5] - '0');
    if (hours > 23 || minutes > 59) return false;
    *east = (p[0] == '-' ? -1 : 1) * (hours * 3600L + minutes * 60L);
    return true;
}

mg_result mg_limbo_parse_time(const char *text, int64_t *out)
{
    *out = 0;
    struct tm tm = {0};
    int used = 0;
    bool shaped = strlen(text) >= 20 && digits(text, 4) && text[4] == '-' && digits(text + 5, 2) &&
                  text[7] == '-' && digits(text + 8, 2) && (text[10] == 'T' || text[10] == 't') &&
                  digits(text + 11, 2) && text[13] == ':' && digits(text + 14, 2) &&
                  text[16] == ':' && digits(text + 17, 2);
    if (shaped && sscanf(text, "%4d-%2d-%2d%*c%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon,
                         &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &used) != 6)
        shaped = false;
    MG_ENSURE(shaped && used == 19, MG_E_INPUT, "\"%s\" is not an RFC 3339 date-time", text);
    const char *rest = text + 19;
    if (*rest == '.') {
        size_t n = strspn(rest + 1, "0123456789");
        MG_ENSURE(n > 0, MG_E_INPUT, "\"%s\": empty fraction of a second", text);
        rest += 1 + n; /* floored: the fraction is dropped */
    }
    long east = 0;
    MG_ENSURE(parse_zone(rest, &east), MG_E_INPUT, "\"%s\": bad time zone \"%s\"", text, rest);
    MG_ENSURE(tm.tm_mon >= 1 && tm.tm_mon <= 12 && tm.tm_mday >= 1 && tm.tm_mday <= 31 &&
                  tm.tm_hour <= 23 && tm.tm_min <= 59 && tm.tm_sec <= 60,
              MG_E_INPUT, "\"%s\": a field is out of range", text);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    *out = (int64_t)timegm(&tm) - east;
    return MG_OK;
}
