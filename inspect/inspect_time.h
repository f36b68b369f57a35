/* Instants for --at and for the words around dates: parsing is pure (unit-tested), UTC only. */
#ifndef MG_INSPECT_TIME_H
#define MG_INSPECT_TIME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* --at, parsed by the one parser of credentials/at_time.h (the forms it lists); false for
 * anything else. */
bool mg_inspect_parse_time(const char *text, int64_t now, int64_t *out);

/* "2026-01-01 00:00:00 UTC" (needs 24 bytes). */
void mg_inspect_format_time(int64_t t, char *buf, size_t len);

/* "2026-01-01T00:00:00Z", for JSON (needs 21 bytes). */
void mg_inspect_format_time_iso(int64_t t, char *buf, size_t len);

/* A span of time in the largest whole unit that fits: "30 days", "1 hour", "59 seconds". */
void mg_inspect_format_span(int64_t seconds, char *buf, size_t len);

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1-12); see mg_days_from_civil. */
int64_t mg_inspect_days_from_civil(int64_t year, int month, int day);

#endif
