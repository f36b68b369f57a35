#include "tcp.h"

#include "seconds.h"
#include "socket_deadline.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

double mg_tcp_now(void) { return mg_monotonic_seconds(); }

/* Before each read or write: the socket's timeouts become what is left of the deadline, so a
 * peer that sends a byte now and then cannot stretch the connection past it. */
static bool arm(mg_tcp_stream *s)
{
    if (s->deadline <= 0) return true;
    double left = s->deadline - mg_tcp_now();
    if (left <= 0) {
        s->timed_out = true;
        return false;
    }
    mg_tcp_set_timeout(s->fd, left);
    return true;
}

/* After a failed read or write: whether the deadline is why. */
static long failed(mg_tcp_stream *s, int err)
{
    if (err == EAGAIN || err == EWOULDBLOCK || (s->deadline > 0 && mg_tcp_now() >= s->deadline))
        s->timed_out = s->timed_out || s->deadline > 0;
    return MG_TRANSPORT_CLOSED;
}

static long tcp_send(void *ctx, const uint8_t *data, size_t len)
{
    mg_tcp_stream *s = ctx;
    ssize_t n;
    do n = arm(s) ? send(s->fd, data, len, MSG_NOSIGNAL) : (errno = ETIMEDOUT, -1);
    while (n < 0 && errno == EINTR);
    return n > 0 ? (long)n : failed(s, errno);
}

static long tcp_recv(void *ctx, uint8_t *buf, size_t cap)
{
    mg_tcp_stream *s = ctx;
    ssize_t n;
    do n = arm(s) ? recv(s->fd, buf, cap, 0) : (errno = ETIMEDOUT, -1);
    while (n < 0 && errno == EINTR);
    if (n > 0) return (long)n;
    return n == 0 ? MG_TRANSPORT_CLOSED : failed(s, errno); /* a timeout ends the stream too */
}

mg_transport mg_tcp_transport(mg_tcp_stream *stream)
{
    return (mg_transport){stream, tcp_send, tcp_recv};
}

void mg_tcp_set_timeout(int fd, double timeout_s)
{
    if (timeout_s < 0.001) timeout_s = 0.001; /* a zero timeval would mean "wait forever" */
    struct timeval tv = {(time_t)timeout_s,
                         (suseconds_t)((timeout_s - (double)(time_t)timeout_s) * 1e6)};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

static bool is_loopback(const struct sockaddr *sa)
{
    if (sa->sa_family == AF_INET)
        return (ntohl(((const struct sockaddr_in *)sa)->sin_addr.s_addr) >> 24) == 127;
    if (sa->sa_family == AF_INET6)
        return memcmp(&((const struct sockaddr_in6 *)sa)->sin6_addr, &in6addr_loopback,
                      sizeof in6addr_loopback) == 0;
    return false;
}

static MG_RESULT resolve(const char *host, unsigned port, bool passive, struct addrinfo **out)
{
    char service[16];
    snprintf(service, sizeof service, "%u", port);
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM, .ai_flags = passive ? AI_PASSIVE : 0};
    int rc = getaddrinfo(host, service, &hints, out);
    MG_ENSURE(rc == 0, MG_E_USAGE, "--host %s: %s", host, gai_strerror(rc));
    return MG_OK;
}

mg_result mg_tcp_listen(const char *host, unsigned port, bool allow_other, int *listen_fd,
                        unsigned *bound_port)
{
    MG_ENSURE(port <= 65535, MG_E_USAGE, "--port %u: not a port", port);
    struct addrinfo *ai;
    MG_GUARD(resolve(host, port, true, &ai));
    mg_result r = MG_OK;
    if (!allow_other && !is_loopback(ai->ai_addr))
        r = mg_fail(MG_E_USAGE, "--host %s: not a loopback address (serve listens on this machine "
                    "only: 127.0.0.1, ::1 or localhost)", host);
    int fd = mg_ok(r) ? socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0) : -1;
    int one = 1;
    if (mg_ok(r) && fd >= 0) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (mg_ok(r) && (fd < 0 || bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 128) != 0))
        r = mg_fail(MG_E_IO, "cannot listen on %s port %u: %s", host, port, strerror(errno));
    freeaddrinfo(ai);
    if (!mg_ok(r)) {
        if (fd >= 0) close(fd);
        return r;
    }
    struct sockaddr_storage ss;
    socklen_t len = sizeof ss;
    getsockname(fd, (struct sockaddr *)&ss, &len);
    *bound_port = ntohs(ss.ss_family == AF_INET ? ((struct sockaddr_in *)&ss)->sin_port
                                                : ((struct sockaddr_in6 *)&ss)->sin6_port);
    *listen_fd = fd;
    return MG_OK;
}

mg_result mg_tcp_connect(const char *host, unsigned port, double timeout_s, int *fd)
{
    MG_ENSURE(port > 0 && port <= 65535, MG_E_USAGE, "--port %u: not a port", port);
    mg_connect_failure why;
    *fd = mg_connect_until(host, port, mg_monotonic_seconds() + timeout_s, &why);
    MG_ENSURE(why.resolve_error == 0, MG_E_USAGE, "--host %s: %s", host,
              gai_strerror(why.resolve_error));
    MG_ENSURE(*fd >= 0, MG_E_IO, "cannot connect to %s port %u: %s", host, port,
              strerror(why.connect_error));
    /* The stream reads and writes blocking, each bounded by the socket's timeouts. */
    int flags = fcntl(*fd, F_GETFL);
    if (flags >= 0) (void)fcntl(*fd, F_SETFL, flags & ~O_NONBLOCK);
    mg_tcp_set_timeout(*fd, timeout_s);
    return MG_OK;
}

void mg_tcp_close_gracefully(int fd, double timeout_s)
{
    shutdown(fd, SHUT_WR);
    char sink[4096];
    struct pollfd p = {fd, POLLIN, 0};
    double end = mg_tcp_now() + timeout_s;
    for (int i = 0; i < 64; i++) {
        double left = end - mg_tcp_now();
        if (left <= 0 || poll(&p, 1, (int)(left * 1e3) + 1) <= 0) break;
        if (recv(fd, sink, sizeof sink, MSG_DONTWAIT) <= 0) break;
    }
    close(fd);
}
