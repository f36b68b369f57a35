/* A TCP connection and readiness within a deadline (mg_monotonic_seconds()): every address the
 * name resolves to is tried in turn, all of them together within what is left of the deadline
 * (a blocking connect() would wait the kernel's two minutes on an address that drops packets). */
#ifndef MG_SOCKET_DEADLINE_H
#define MG_SOCKET_DEADLINE_H

#include <stdbool.h>

/* Waits until fd is ready for `events` (poll's); false when `until` passes first. */
bool mg_wait_fd(int fd, short events, double until);

typedef struct {
    int resolve_error; /* getaddrinfo's, when the name did not resolve; 0 otherwise */
    int connect_error; /* errno of the last address tried; ETIMEDOUT when time ran out */
} mg_connect_failure;

/* A connected, non-blocking, TCP_NODELAY socket to host:port before `until`, or -1 with why. */
int mg_connect_until(const char *host, unsigned port, double until, mg_connect_failure *why);

#endif
