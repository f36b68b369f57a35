/* The matrix's files written by a helper process while the generator goes on computing what is
 * in the next ones. Making 1,190 small files costs the kernel as much time as the generator
 * spends signing (0.3 to 1 s of system time on this project's machines, more as a file system
 * ages), and one process did the two in turn. The helper takes each file whole over a socket,
 * in order, and stops at the first failure, which finish reports naming the file. It is
 * registered with temp_dir.c, which kills and reaps it before an interrupted generation's
 * folder is removed, so that nothing is made in a folder being emptied. */
#ifndef MG_FILE_WRITER_H
#define MG_FILE_WRITER_H

#include "mg_result.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct mg_file_writer {
    pid_t pid;      /* 0: not running */
    int socket;     /* ours: files go out, the helper's verdict comes back */
} mg_file_writer;

MG_RESULT mg_file_writer_start(mg_file_writer *w);

/* Hands over one file: created (or truncated) at `path` with exactly `mode` (whatever the
 * umask), its parent folder made first if missing. Returns at once; a failure to write shows
 * in mg_file_writer_finish. */
MG_RESULT mg_file_writer_put(mg_file_writer *w, const char *path, const void *data, size_t len,
                             int mode);

/* Waits until every file handed over is written, or for the first failure (MG_E_IO, naming
 * the file); the helper is gone either way. */
MG_RESULT mg_file_writer_finish(mg_file_writer *w);

/* Kills and reaps the helper without waiting for what is queued (an error path). */
void mg_file_writer_abandon(mg_file_writer *w);

/* The same write, done now in this process (the helper's own work; also what gen does
 * without a helper). Fills `why` with the message on failure. */
#define MG_FILE_WRITE_WHY_MAX 4608 /* a path and a reason */
bool mg_file_write_now(const char *path, const void *data, size_t len, int mode, char *why,
                       size_t why_cap);

#endif
