/* Child processes for bench: the floor program and the stock tools' server / client pairs. */
#ifndef MG_BENCH_SPAWN_H
#define MG_BENCH_SPAWN_H

#include "mg_result.h"

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct {
    pid_t pid;
    int out;   /* read end of the child's stdout, or -1 */
    int in;    /* write end of the child's stdin, or -1 */
} mg_child;

/* Starts argv[0] (found on PATH) with stdin a pipe when want_in, else /dev/null; stdout a
 * pipe; stderr /dev/null unless keep_stderr. */
MG_RESULT mg_child_start(const char *const *argv, bool want_in, bool keep_stderr, mg_child *c);

/* Reads stdout until a whole line holding `needle` has arrived, within `seconds`; the text
 * read (NUL-terminated) is left in buf. False when it never came. */
bool mg_child_read_until(mg_child *c, const char *needle, double seconds, char *buf, size_t len);

/* Closes stdin, reads the rest of stdout into buf (may be NULL) until the child closes it,
 * kills the child if that takes more than `seconds`, and reaps it. Returns the exit status
 * (128 + signal when it was killed). */
int mg_child_finish(mg_child *c, double seconds, char *buf, size_t len);

#endif
