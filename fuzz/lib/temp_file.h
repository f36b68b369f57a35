/* Files for targets whose code under test takes a path (the credential and scenario
 * loaders): one private folder per process, in /dev/shm when it exists (no disk writes per
 * input), removed with its files when the process exits normally. */
#ifndef MG_FUZZ_TEMP_FILE_H
#define MG_FUZZ_TEMP_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Writes data to NAME in the private folder (replacing it) and returns its path, valid until
 * the next call with the same name; NULL when the file cannot be written. NAME is a plain
 * file name; at most MG_FUZZ_TEMP_MAX distinct names per process. */
#define MG_FUZZ_TEMP_MAX 8
const char *mg_fuzz_temp_file(const char *name, const uint8_t *data, size_t size);

#endif
