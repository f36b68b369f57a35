/* Reading and writing whole files, and the command line, for the two build-time tools. */
#ifndef MG_FUZZ_FILE_IO_H
#define MG_FUZZ_FILE_IO_H

#include "mg_result.h"

#include <stddef.h>

/* Reads path into a NUL-terminated malloc'd buffer (*len excludes the NUL; may be NULL). */
MG_RESULT mg_fuzz_read_file(const char *path, char **out, size_t *len);
MG_RESULT mg_fuzz_write_file(const char *path, const void *data, size_t len);
/* Creates dir (and not its parents) unless it exists. */
MG_RESULT mg_fuzz_make_dir(const char *dir);

/* A tool's main: exactly two arguments (named in `usage`) handed to run; a failure prints
 * the tool's name and the message and exits with its code. */
int mg_fuzz_tool_main(int argc, char **argv, const char *usage,
                      mg_result (*run)(const char *first, const char *second));

#endif
