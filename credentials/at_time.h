/* The one parser of --at TIME, for every command that verifies at a chosen instant. Pure: the
 * caller passes "now", so it is unit-tested without a clock. */
#ifndef MG_AT_TIME_H
#define MG_AT_TIME_H

#include "mg_result.h"

#include <stdbool.h>
#include <stdint.h>

/* Accepts "now"; seconds since the epoch ("1767225600" or "@1767225600", at most 12 digits);
 * a date "2026-01-01" (midnight); or a date and time "2026-01-01T00:00[:00]" ('T', 't' or a
 * blank between them). A date or a date and time may end in a zone: nothing or "Z" (UTC), or an
 * offset "+02:00", "-0500" or "+02". Anything else, out of range fields included, is
 * MG_E_USAGE naming flag ("--at") and the accepted forms. */
MG_RESULT mg_parse_at_time(const char *flag, const char *text, int64_t now, int64_t *out);

/* The same, without the message: for callers that word their own. */
bool mg_at_time_valid(const char *text, int64_t now, int64_t *out);

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
int64_t mg_days_from_civil(int64_t year, int month, int day);

#endif
