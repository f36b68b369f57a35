#ifndef MG_HANDSHAKE_TIME_H
#define MG_HANDSHAKE_TIME_H

#include "mg_result.h"

#include <stdint.h>

/* Seconds since the epoch, or ISO 8601 (date, date and time, Z or +HH:MM); > 0. */
MG_RESULT mg_parse_time(const char *flag, const char *text, int64_t *out);

#endif
