/* TCP on loopback, for `serve` and `connect`: a blocking stream with a deadline for the whole
 * connection (a hung or trickling peer ends the connection instead of the program) behind the
 * same mg_transport. */
#ifndef MG_TCP_H
#define MG_TCP_H

#include "mg_result.h"
#include "transport.h"

typedef struct {
    int fd;
    double deadline; /* mg_tcp_now() seconds after which every read and write fails; 0: none */
    bool timed_out;  /* a read or write failed because the deadline passed */
} mg_tcp_stream;

/* Monotonic seconds, the clock of deadlines. */
double mg_tcp_now(void);

mg_transport mg_tcp_transport(mg_tcp_stream *stream);

/* Listens on host:port. Only loopback addresses (127.0.0.0/8, ::1, localhost) are accepted
 * unless allow_other is set: tests and users' experiments stay on this machine. */
MG_RESULT mg_tcp_listen(const char *host, unsigned port, bool allow_other, int *listen_fd,
                        unsigned *bound_port);
MG_RESULT mg_tcp_connect(const char *host, unsigned port, double timeout_s, int *fd);
/* Closes without losing what we sent last (an alert): shuts our side, reads what the peer
 * still sends for up to timeout_s in all, then closes. Closing with unread data in the receive
 * queue would make the kernel answer with a reset that can destroy the alert in flight. */
void mg_tcp_close_gracefully(int fd, double timeout_s);

/* Receive and send timeouts on a connected socket. */
void mg_tcp_set_timeout(int fd, double timeout_s);

#endif
