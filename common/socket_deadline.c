#include "socket_deadline.h"

#include "seconds.h"

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

bool mg_wait_fd(int fd, short events, double until)
{
    for (;;) {
        double left = until - mg_monotonic_seconds();
        if (left <= 0) return false;
        struct pollfd p = {fd, events, 0};
        int n = poll(&p, 1, (int)(left * 1e3) + 1);
        if (n > 0) return true;
        if (n < 0 && errno != EINTR) return false;
    }
}

static int connect_one(const struct addrinfo *a, double until, int *err)
{
    int fd = socket(a->ai_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) return *err = errno, -1;
    if (connect(fd, a->ai_addr, a->ai_addrlen) != 0 && errno != EINPROGRESS) {
        *err = errno;
        close(fd);
        return -1;
    }
    if (!mg_wait_fd(fd, POLLOUT, until)) {
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

int mg_connect_until(const char *host, unsigned port, double until, mg_connect_failure *why)
{
    *why = (mg_connect_failure){0, 0};
    char service[16];
    snprintf(service, sizeof service, "%u", port);
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *list = NULL;
    why->resolve_error = getaddrinfo(host, service, &hints, &list);
    if (why->resolve_error != 0) return -1;
    int fd = -1;
    for (const struct addrinfo *a = list; a && fd < 0 && mg_monotonic_seconds() < until;
         a = a->ai_next)
        fd = connect_one(a, until, &why->connect_error);
    freeaddrinfo(list);
    if (fd < 0 && why->connect_error == 0) why->connect_error = ETIMEDOUT;
    return fd;
}
