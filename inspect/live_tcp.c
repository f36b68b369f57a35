/* A TCP connection within a deadline: every address the name resolves to is tried in turn,
 * all of them together within what is left of the deadline (a blocking connect() would wait
 * the kernel's two minutes on an address that drops packets). */
#include "live_internal.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

double mg_live_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

bool mg_live_wait(int fd, short events, double until)
{
    for (;;) {
        double left = until - mg_live_now();
        if (left <= 0) return false;
        struct pollfd p = {fd, events, 0};
        int n = poll(&p, 1, (int)(left * 1e3) + 1);
        if (n > 0) return true;
        if (n < 0 && errno != EINTR) return false;
    }
}

static int connect_one(const struct addrinfo *a, double deadline, int *err)
{
    int fd = socket(a->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return *err = errno, -1;
    if (connect(fd, a->ai_addr, a->ai_addrlen) != 0 && errno != EINPROGRESS) {
        *err = errno;
        close(fd);
        return -1;
    }
    if (!mg_live_wait(fd, POLLOUT, deadline)) {
        *err = ETIMEDOUT;
        close(fd);
        return -1;
    }
    int so_error = 0;
    socklen_t len = sizeof so_error;
    getsockopt(fd, SOL_SOCKET, SO_ERROR, &so_error, &len);
    if (so_error) {
        *err = so_error;
        close(fd);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

mg_result mg_live_tcp_connect(const mg_live_request *req, double deadline, int *fd)
{
    char service[16];
    snprintf(service, sizeof service, "%u", req->port);
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *list = NULL;
    int rc = getaddrinfo(req->host, service, &hints, &list);
    MG_ENSURE(rc == 0, MG_E_USAGE, "inspect: --connect %s: cannot resolve %s: %s", req->target,
              req->host, gai_strerror(rc));
    int err = 0;
    *fd = -1;
    for (const struct addrinfo *a = list; a && *fd < 0 && mg_live_now() < deadline; a = a->ai_next)
        *fd = connect_one(a, deadline, &err);
    freeaddrinfo(list);
    if (*fd >= 0) return MG_OK;
    if (err == ETIMEDOUT || err == 0)
        return mg_fail(MG_E_IO, "inspect: --connect %s: no connection within --timeout",
                       req->target);
    return mg_fail(MG_E_IO, "inspect: --connect %s: cannot connect: %s", req->target,
                   strerror(err));
}
