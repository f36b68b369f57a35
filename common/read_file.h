/* A user's file read whole into memory, up to a cap: certificates, keys and testcase files are
 * small, so a huge file (or /dev/zero) is refused before it costs memory, and a FIFO with no
 * writer or a stalled pipe is refused instead of hanging the command. */
#ifndef MG_READ_FILE_H
#define MG_READ_FILE_H

#include "mg_result.h"

#include <stddef.h>

/* Certificates, keys, CRLs, OCSP responses, one-line files: what inspect has always allowed. */
#define MG_READ_CAP_CREDENTIAL ((size_t)16 << 20)
/* Data files that grow with a run: results.jsonl baselines, x509-limbo suites. */
#define MG_READ_CAP_DATA ((size_t)512 << 20)
/* How long a pipe may keep us waiting for its data, in all. */
#define MG_READ_PIPE_SECONDS 30

/* The bytes of path, NUL-terminated (the NUL is not counted in len), at most max_bytes.
 * Pipes work (bash's <(...)) within MG_READ_PIPE_SECONDS; a FIFO nobody writes to is refused
 * at once, as are devices and sockets. A folder, a missing or unreadable file, a read error is
 * MG_E_IO ("cannot read PATH: why"); an empty or too large file is MG_E_INPUT. Free *data with
 * free(). */
MG_RESULT mg_read_file_capped(const char *path, size_t max_bytes, unsigned char **data,
                              size_t *len);

/* The same for data files that may hold nothing (a results.jsonl of no cases): an empty
 * regular file gives *len 0 and a NUL-terminated, empty *data (an empty pipe is still refused:
 * it is most likely a FIFO nobody writes to). */
MG_RESULT mg_read_file_or_empty(const char *path, size_t max_bytes, unsigned char **data,
                                size_t *len);

/* For a file some library opens by name itself (a TLS stack's *_file() loaders): refuses
 * unless path is a regular file of at most max_bytes, so the library neither blocks on a FIFO
 * nor reads gigabytes. `flag` names where the path came from ("--cert"), for the message. */
MG_RESULT mg_check_regular_file(const char *flag, const char *path, size_t max_bytes);

#endif
