#include "tcp_serve.h"

#include "fd_io.h"
#include "tcp.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* How often the loop looks at *stop, in milliseconds. */
#define STOP_POLL_MS 200
/* A child past its deadline gets this long to close gracefully before it is killed. */
#define KILL_GRACE_S 2.0

typedef struct {
    pid_t pid;
    int from_child;  /* the child's mg_tcp_result comes back here */
    double kill_at;  /* mg_tcp_now() seconds */
} connection;

typedef struct {
    const mg_stack *stack;
    mg_context *ctx;
    const mg_tcp_serve_options *o;
    connection live[MG_TCP_SERVE_MAX_CONNECTIONS];
    unsigned live_count, accepted, served;
} serve_state;

static _Noreturn void child_main(serve_state *st, pid_t parent, int listen_fd, int fd, int out)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL); /* a connection never outlives serve */
    if (getppid() != parent) _exit(1);
    close(listen_fd);
    for (unsigned i = 0; i < st->live_count; i++) close(st->live[i].from_child);
    mg_tcp_result r;
    mg_tcp_serve_one(st->stack, st->ctx, fd, mg_tcp_now() + st->o->timeout_s, &r);
    ssize_t sent = write(out, &r, sizeof r);
    (void)sent; /* a parent that cannot read it reports the connection lost */
    mg_tcp_close_gracefully(fd, 1.0);
    _exit(0);
}

static MG_RESULT start(serve_state *st, int listen_fd, int fd)
{
    int up[2];
    MG_ENSURE(pipe(up) == 0, MG_E_IO, "cannot make a pipe: %s", strerror(errno));
    fflush(NULL);
    pid_t parent = getpid(), pid = fork();
    if (pid == 0) {
        close(up[0]);
        child_main(st, parent, listen_fd, fd, up[1]);
    }
    close(up[1]);
    close(fd);
    if (pid < 0) {
        close(up[0]);
        return mg_fail(MG_E_IO, "cannot start a process for a connection: %s", strerror(errno));
    }
    st->live[st->live_count++] =
        (connection){pid, up[0], mg_tcp_now() + st->o->timeout_s + KILL_GRACE_S};
    st->accepted++;
    return MG_OK;
}

/* Ends connection i (killing its process when asked), reaps it and removes it from the list. */
static void end(serve_state *st, unsigned i, bool kill_it)
{
    connection *c = &st->live[i];
    if (kill_it) kill(c->pid, SIGKILL);
    while (waitpid(c->pid, NULL, 0) < 0 && errno == EINTR) {}
    close(c->from_child);
    st->live[i] = st->live[--st->live_count];
}

static void report(serve_state *st, const mg_tcp_result *r)
{
    st->served++;
    if (st->o->served) st->o->served(st->o->arg, st->served, r);
}

static void report_lost(serve_state *st, mg_verdict_kind kind, const char *why)
{
    mg_tcp_result r;
    memset(&r, 0, sizeof r);
    r.side.alert_sent = r.side.alert_received = MG_NO_ALERT;
    r.verdict = (mg_verdict){kind, MG_REASON_NONE};
    snprintf(r.reason_text, sizeof r.reason_text, "%s", why);
    report(st, &r);
}

static void collect(serve_state *st, unsigned i)
{
    mg_tcp_result r;
    bool got = mg_read_full(st->live[i].from_child, &r, sizeof r);
    end(st, i, !got);
    if (got) report(st, &r);
    else report_lost(st, MG_VERDICT_CRASH, "the connection's process ended without a verdict");
}

static void kill_overdue(serve_state *st)
{
    double now = mg_tcp_now();
    for (unsigned i = st->live_count; i-- > 0;) {
        if (st->live[i].kill_at > now) continue;
        end(st, i, true);
        report_lost(st, MG_VERDICT_TIMEOUT, "the connection passed its deadline (--timeout); "
                                            "its process was killed");
    }
}

static bool accepting(const serve_state *st)
{
    return !st->o->count || st->accepted < st->o->count;
}

/* Every slot taken and another client waiting: the oldest connection gives way, so that a
 * flood of connections that never finish delays a newcomer by one round, not by deadlines. */
static void make_room(serve_state *st)
{
    if (st->live_count < MG_TCP_SERVE_MAX_CONNECTIONS) return;
    unsigned oldest = 0;
    for (unsigned i = 1; i < st->live_count; i++)
        if (st->live[i].kill_at < st->live[oldest].kill_at) oldest = i;
    end(st, oldest, true);
    char why[160];
    snprintf(why, sizeof why, "cut to make room: %d connections were open and another was "
             "waiting, and this one was the oldest", MG_TCP_SERVE_MAX_CONNECTIONS);
    report_lost(st, MG_VERDICT_TIMEOUT, why);
}

static bool stopped(const serve_state *st) { return st->o->stop && *st->o->stop; }

/* One round: waits for a connection, a child's verdict or the next look at *stop. */
static MG_RESULT round_once(serve_state *st, int listen_fd)
{
    struct pollfd fds[MG_TCP_SERVE_MAX_CONNECTIONS + 1];
    unsigned n = 0;
    for (unsigned i = 0; i < st->live_count; i++)
        fds[n++] = (struct pollfd){.fd = st->live[i].from_child, .events = POLLIN};
    bool listening = accepting(st);
    if (listening) fds[n++] = (struct pollfd){.fd = listen_fd, .events = POLLIN};
    int ready = poll(fds, n, STOP_POLL_MS);
    if (ready < 0 && errno == EINTR) return MG_OK;
    MG_ENSURE(ready >= 0, MG_E_IO, "waiting for a connection: %s", strerror(errno));
    if (stopped(st)) return MG_OK;
    /* Backwards: end() moves the last connection into the freed slot. */
    for (unsigned i = st->live_count; i-- > 0;)
        if (fds[i].revents) collect(st, i);
    kill_overdue(st);
    if (!listening || !(fds[n - 1].revents & POLLIN)) return MG_OK;
    make_room(st);
    int fd = accept(listen_fd, NULL, NULL);
    if (fd < 0) {
        MG_ENSURE(errno == EINTR || errno == ECONNABORTED || errno == EAGAIN || errno == EMFILE,
                  MG_E_IO, "accept: %s", strerror(errno));
        return MG_OK;
    }
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    return start(st, listen_fd, fd);
}

mg_result mg_tcp_serve_loop(const mg_stack *stack, mg_context *ctx, int listen_fd,
                            const mg_tcp_serve_options *o)
{
    serve_state st = {.stack = stack, .ctx = ctx, .o = o};
    mg_result r = MG_OK;
    while (mg_ok(r) && !stopped(&st) && (accepting(&st) || st.live_count))
        r = round_once(&st, listen_fd);
    while (st.live_count) end(&st, st.live_count - 1, true);
    return r;
}
