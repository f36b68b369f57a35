/* A file (a report, a bundle's file) is written beside its final name and renamed into place,
 * so a reader never sees a half-written file that looks complete. The temporary file has a
 * fresh random name and is created O_EXCL|O_NOFOLLOW with an explicit mode: a link planted in
 * the folder (at the temporary or the final name) is never followed, and rename replaces a
 * link at the final name instead of writing through it. This is the only way mtlsgrid writes
 * a report or bundle file. */
#ifndef MG_ATOMIC_FILE_H
#define MG_ATOMIC_FILE_H

#include "mg_result.h"
#include "xml_escape.h" /* the report writers that write files atomically escape text */

#include <stddef.h>
#include <stdio.h>

typedef struct {
    FILE *file;
    char final_path[4096];
    char temp_path[4128]; /* final_path ".partial-XXXXXX" */
} mg_atomic_file;

/* A temporary file of mode 0644 beside path. */
MG_RESULT mg_atomic_open(mg_atomic_file *f, const char *path);
/* The same with the given mode (0600 for keys and secrets, 0755 for scripts), set exactly:
 * the umask does not narrow it. */
MG_RESULT mg_atomic_open_mode(mg_atomic_file *f, const char *path, unsigned mode);
/* Closes and renames into place; on any earlier write error, removes the temporary file. */
MG_RESULT mg_atomic_commit(mg_atomic_file *f);
/* Closes and removes the temporary file: the folder keeps the old file or none. */
void mg_atomic_abandon(mg_atomic_file *f);

/* The whole of data written to path that way, in one call. */
MG_RESULT mg_atomic_write(const char *path, const void *data, size_t len, unsigned mode);

#endif
