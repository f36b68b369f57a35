/* Durations given on the command line (--timeout SECONDS): one parser, so that every command
 * refuses the same values. A value below a millisecond cannot be represented by poll() or a
 * socket timeout (it became "no timeout"), and one above a day (inf, 1e300) is no timeout
 * either: both are refused. */
#ifndef MG_SECONDS_H
#define MG_SECONDS_H

#include "mg_result.h"

#include <stddef.h>

#define MG_SECONDS_MIN 0.001
#define MG_SECONDS_MAX 86400.0

/* text as seconds into *out; MG_E_USAGE naming `flag` ("serve: --timeout") otherwise. */
MG_RESULT mg_parse_seconds(const char *flag, const char *text, double *out);

/* Monotonic seconds: the one clock of deadlines and durations. */
double mg_monotonic_seconds(void);

/* "0.001 s", "2.5 s", "10 s": a duration for people, never rounded to "0 s". */
void mg_format_seconds(double seconds, char *buf, size_t len);

#endif
