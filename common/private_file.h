/* A file of secrets that other code appends to (an NSS key log, which the stacks open for
 * append themselves): created 0600, never through a link, and narrowed to 0600 when it is an
 * older file of ours, before any secret is written. */
#ifndef MG_PRIVATE_FILE_H
#define MG_PRIVATE_FILE_H

#include "mg_result.h"

/* flag names the option for messages ("--keylog"). A character device (/dev/null) is left as
 * it is; a link, a folder, a FIFO or another user's file is refused. */
MG_RESULT mg_private_file_prepare(const char *flag, const char *path);

#endif
