/* Whole reads on a descriptor, for the pipes that bring a forked process's fixed-size result
 * back to its parent (the runner's workers, serve's connections). */
#ifndef MG_FD_IO_H
#define MG_FD_IO_H

#include <stdbool.h>
#include <stddef.h>

/* Reads exactly len bytes (retrying after signals); false at an end or error before that. */
bool mg_read_full(int fd, void *buf, size_t len);

#endif
