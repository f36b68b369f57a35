/* A file (a report, a bundle's README) is written beside its final name and renamed into place,
 * so a reader never sees a half-written file that looks complete. */
#ifndef MG_ATOMIC_FILE_H
#define MG_ATOMIC_FILE_H

#include "mg_result.h"
#include "xml_escape.h" /* the report writers that write files atomically escape text */

#include <stdio.h>

typedef struct {
    FILE *file;
    char final_path[4096];
    char temp_path[4110];
} mg_atomic_file;

MG_RESULT mg_atomic_open(mg_atomic_file *f, const char *path);
/* Closes and renames into place; on any earlier write error, removes the temporary file. */
MG_RESULT mg_atomic_commit(mg_atomic_file *f);

#endif
