/* serve's accept loop: connections served at once, each in a forked process of its own with a
 * deadline for the whole connection, so that a slow, trickling or flooding peer holds one slot
 * for at most the deadline and never the others; the stacks' contexts are shared read-only by
 * the forks and each connection's state dies with its process. A flood past the limit cuts
 * the oldest connections, so a newcomer waits one round, not the flood's deadlines. */
#ifndef MG_TCP_SERVE_H
#define MG_TCP_SERVE_H

#include "tcp_session.h"

#include <signal.h>

/* Connections in progress at once; when all are taken and another client is waiting, the
 * oldest is cut (reported as a timeout) to make room for it. */
#define MG_TCP_SERVE_MAX_CONNECTIONS 64

/* What ends the loop and who hears of each connection. */
typedef struct {
    unsigned count;                    /* connections to serve (0: until *stop) */
    double timeout_s;                  /* each connection's deadline, from its accept */
    const volatile sig_atomic_t *stop; /* set by a signal handler: ends the loop (may be NULL) */
    void (*served)(void *arg, unsigned n, const mg_tcp_result *r); /* n counts from 1 */
    void *arg;
} mg_tcp_serve_options;

/* Accepts on listen_fd and serves each connection with mg_tcp_serve_one in a child, telling
 * o->served as each ends (in the order they end). Sees *stop within a fifth of a second; then
 * the connections still in progress are cut and their processes killed before it returns. */
MG_RESULT mg_tcp_serve_loop(const mg_stack *stack, mg_context *ctx, int listen_fd,
                            const mg_tcp_serve_options *o);

#endif
