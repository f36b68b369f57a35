#include "child_call.h"

#include "fd_io.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* What the child sends back, whole (under PIPE_BUF): the result's kind and, on failure, the
 * message. */
typedef struct {
    uint32_t kind;
    char message[2048];
} child_answer;

static void answer_and_exit(int to_parent, mg_result r)
{
    child_answer a = {(uint32_t)r.kind, ""};
    if (!mg_ok(r)) snprintf(a.message, sizeof a.message, "%s", mg_error_message());
    const char *p = (const char *)&a;
    for (size_t left = sizeof a; left > 0;) {
        ssize_t n = write(to_parent, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        p += n, left -= (size_t)n;
    }
    _exit(0); /* not exit: the parent's atexit handlers and stdio buffers are the parent's */
}

mg_result mg_child_call_start(mg_child_call *child, mg_result (*call)(void *arg), void *arg)
{
    *child = (mg_child_call){0, -1};
    int fds[2];
    if (pipe(fds) != 0) return call(arg);
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return call(arg);
    }
    if (pid == 0) {
        close(fds[0]);
        answer_and_exit(fds[1], call(arg));
    }
    close(fds[1]);
    *child = (mg_child_call){pid, fds[0]};
    return MG_OK;
}

mg_result mg_child_call_wait(mg_child_call *child, const char *what)
{
    if (!child->pid) return MG_OK;
    child_answer a;
    bool said = mg_read_full(child->from_child, &a, sizeof a);
    a.message[sizeof a.message - 1] = '\0';
    close(child->from_child);
    int status = 0;
    while (waitpid(child->pid, &status, 0) < 0 && errno == EINTR) {}
    child->pid = 0;
    if (said && a.kind == MG_E_NONE) return MG_OK;
    if (said && a.kind <= MG_E_INTERNAL) return mg_fail((mg_error_kind)a.kind, "%s", a.message);
    if (WIFSIGNALED(status))
        return mg_fail(MG_E_INTERNAL, "%s: its process died of signal %d (%s)", what,
                       WTERMSIG(status), strsignal(WTERMSIG(status)));
    return mg_fail(MG_E_INTERNAL, "%s: its process ended without saying how the call went", what);
}
