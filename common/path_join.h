/* Paths built into fixed buffers: a truncated path names another file, so building one fails
 * (naming the path) instead of cutting it short. */
#ifndef MG_PATH_JOIN_H
#define MG_PATH_JOIN_H

#include "mg_result.h"

#include <stddef.h>

/* "dir/name" into buf (one slash between them even when dir ends with one). */
MG_RESULT mg_path_join(char *buf, size_t len, const char *dir, const char *name);

/* printf into buf; MG_E_INPUT when the result does not fit. */
MG_RESULT mg_path_format(char *buf, size_t len, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The failure for a path of `needed` bytes that does not fit a buffer of len: its start (at
 * most 200 bytes, so the message is never cut) and its length. */
MG_RESULT mg_path_too_long(const char *start, size_t needed, size_t len);

#endif
