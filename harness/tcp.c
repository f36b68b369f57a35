#include "tcp.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static long tcp_send(void *ctx, const uint8_t *data, size_t len)
{
    mg_tcp_stream *s = ctx;
    ssize_t n;
    do n = send(s->fd, data, len, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    return n > 0 ? (long)n : MG_TRANSPORT_CLOSED;
}

static long tcp_recv(void *ctx, uint8_t *buf, size_t cap)
{
    mg_tcp_stream *s = ctx;
    ssize_t n;
    do n = recv(s->fd, buf, cap, 0);
    while (n < 0 && errno == EINTR);
    return n > 0 ? (long)n : MG_TRANSPORT_CLOSED; /* a timeout ends the stream too */
}

mg_transport mg_tcp_transport(mg_tcp_stream *stream)
{
    return (mg_transport){stream, tcp_send, tcp_recv};
}

void mg_tcp_set_timeout(int fd, double timeout_s)
{
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
                    "only unless --any-address is given)", host);
    int fd = mg_ok(r) ? socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0) : -1;
    int one = 1;
    if (mg_ok(r) && fd >= 0) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (mg_ok(r) && (fd < 0 || bind(fd, ai->ai_addr, ai->ai_addrlen) != 0 || listen(fd, 16) != 0))
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

mg_result mg_tcp_accept(int listen_fd, double timeout_s, int *fd)
{
    struct pollfd p = {listen_fd, POLLIN, 0};
    *fd = -1;
    int ready = poll(&p, 1, timeout_s > 0 ? (int)(timeout_s * 1e3) : -1);
    if (ready < 0 && errno == EINTR) return MG_OK;
    MG_ENSURE(ready >= 0, MG_E_IO, "waiting for a connection: %s", strerror(errno));
    if (ready == 0) return MG_OK;
    *fd = accept(listen_fd, NULL, NULL);
    MG_ENSURE(*fd >= 0 || errno == EINTR || errno == ECONNABORTED, MG_E_IO, "accept: %s",
              strerror(errno));
    return MG_OK;
}

mg_result mg_tcp_connect(const char *host, unsigned port, double timeout_s, int *fd)
{
    MG_ENSURE(port > 0 && port <= 65535, MG_E_USAGE, "--port %u: not a port", port);
    struct addrinfo *ai;
    MG_GUARD(resolve(host, port, false, &ai));
    *fd = -1;
    int err = 0;
    for (struct addrinfo *a = ai; a && *fd < 0; a = a->ai_next) {
        int s = socket(a->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (s < 0) continue;
        mg_tcp_set_timeout(s, timeout_s);
        if (connect(s, a->ai_addr, a->ai_addrlen) == 0) *fd = s;
        else err = errno, close(s);
    }
    freeaddrinfo(ai);
    MG_ENSURE(*fd >= 0, MG_E_IO, "cannot connect to %s port %u: %s", host, port, strerror(err));
    return MG_OK;
}

void mg_tcp_close_gracefully(int fd, double timeout_s)
{
    shutdown(fd, SHUT_WR);
    char sink[4096];
    struct pollfd p = {fd, POLLIN, 0};
    for (int i = 0; i < 64 && poll(&p, 1, (int)(timeout_s * 1e3)) > 0; i++)
        if (recv(fd, sink, sizeof sink, 0) <= 0) break;
    close(fd);
}
