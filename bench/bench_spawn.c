#include "bench_spawn.h"

#include "bench_measure.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static void close_fd(int *fd)
{
    if (*fd >= 0) close(*fd);
    *fd = -1;
}

/* Pipe ends close on exec, so a child holds only the ends it was given as 0 and 1. */
static bool pipe_cloexec(int fds[2])
{
    if (pipe(fds) != 0) return false;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return true;
}

mg_result mg_child_start(const char *const *argv, bool want_in, bool keep_stderr, mg_child *c)
{
    *c = (mg_child){0, -1, -1};
    int out[2] = {-1, -1}, in[2] = {-1, -1};
    if (!pipe_cloexec(out) || (want_in && !pipe_cloexec(in))) {
        close_fd(&out[0]), close_fd(&out[1]);
        return mg_fail(MG_E_INTERNAL, "cannot make a pipe for %s: %s", argv[0], strerror(errno));
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    if (want_in) posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    else posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    if (!keep_stderr) posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    int rc = posix_spawnp(&c->pid, argv[0], &fa, NULL, (char *const *)argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close_fd(&out[1]);
    close_fd(&in[0]);
    c->out = out[0];
    c->in = in[1];
    if (rc != 0) {
        close_fd(&c->out);
        close_fd(&c->in);
        c->pid = 0;
        return mg_fail(MG_E_INTERNAL, "cannot start %s: %s", argv[0], strerror(rc));
    }
    return MG_OK;
}

/* Appends what can be read before the deadline; false at end of stream or deadline. */
static bool read_some(mg_child *c, double deadline, char *buf, size_t len, size_t *used)
{
    double left = deadline - mg_bench_now();
    if (left <= 0 || c->out < 0) return false;
    struct pollfd p = {.fd = c->out, .events = POLLIN};
    int ready = poll(&p, 1, (int)(left * 1e3) + 1);
    if (ready < 0 && errno == EINTR) return true;
    if (ready <= 0) return false;
    char scratch[4096];
    char *to = *used + 1 < len ? buf + *used : scratch;
    size_t room = *used + 1 < len ? len - 1 - *used : sizeof scratch;
    ssize_t n = read(c->out, to, room);
    if (n < 0 && errno == EINTR) return true;
    if (n <= 0) return false;
    if (to != scratch) *used += (size_t)n;
    buf[*used] = '\0';
    return true;
}

bool mg_child_read_until(mg_child *c, const char *needle, double seconds, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    double deadline = mg_bench_now() + seconds;
    for (;;) {
        const char *at = strstr(buf, needle);
        if (at && strchr(at, '\n')) return true;
        if (!read_some(c, deadline, buf, len, &used)) return false;
    }
}

int mg_child_finish(mg_child *c, double seconds, char *buf, size_t len)
{
    char sink[256];
    if (!buf || !len) buf = sink, len = sizeof sink;
    size_t used = 0;
    buf[0] = '\0';
    close_fd(&c->in);
    double deadline = mg_bench_now() + seconds;
    while (read_some(c, deadline, buf, len, &used)) {}
    bool late = mg_bench_now() >= deadline;
    close_fd(&c->out);
    if (!c->pid) return 127;
    if (late) kill(c->pid, SIGKILL);
    int status = 0;
    while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR) {}
    c->pid = 0;
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}
