/* A user's file read whole into memory, up to a cap: certificates, keys and testcase files are
 * small, so a huge file (or /dev/zero) is refused before it costs memory. */
#ifndef MG_READ_FILE_H
#define MG_READ_FILE_H

#include "mg_result.h"

#include <stddef.h>

/* The bytes of path, NUL-terminated (the NUL is not counted in len), at most max_bytes.
 * Pipes work (bash's <(...)); a folder, a missing or unreadable file is MG_E_IO ("cannot read
 * PATH: why"); an empty or too large file is MG_E_INPUT. Free *data with free(). */
MG_RESULT mg_read_file_capped(const char *path, size_t max_bytes, unsigned char **data,
                              size_t *len);

#endif
