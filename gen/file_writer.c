#include "file_writer.h"

#include "fd_io.h"
#include "temp_dir.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    uint32_t path_len, mode;
    uint64_t data_len;
} file_header;

static bool fail_why(char *why, size_t cap, const char *what, const char *path)
{
    snprintf(why, cap, "cannot %s %s: %s", what, path, strerror(errno));
    return false;
}

/* The folder a file goes in, made when opening the file finds it missing (the artifact's
 * folder, one level under the matrix's). */
static bool make_parent(const char *path, char *why, size_t cap)
{
    char parent[PATH_MAX];
    const char *slash = strrchr(path, '/');
    size_t n = slash ? (size_t)(slash - path) : 0;
    if (n == 0 || n >= sizeof parent) return false;
    memcpy(parent, path, n);
    parent[n] = '\0';
    if (mkdir(parent, 0755) == 0 || errno == EEXIST) return true;
    return fail_why(why, cap, "create", parent);
}

bool mg_file_write_now(const char *path, const void *data, size_t len, int mode, char *why,
                       size_t why_cap)
{
    int flags = O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC;
    int fd = open(path, flags, (mode_t)mode);
    if (fd < 0 && errno == ENOENT && make_parent(path, why, why_cap))
        fd = open(path, flags, (mode_t)mode);
    if (fd < 0) return fail_why(why, why_cap, "create", path);
    const unsigned char *p = data;
    for (size_t left = len; left > 0;) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            int err = errno;
            close(fd);
            errno = err;
            return fail_why(why, why_cap, "write", path);
        }
        p += w;
        left -= (size_t)w;
    }
    /* The umask may have narrowed the mode; make it exactly what was asked. */
    bool ok = fchmod(fd, (mode_t)mode) == 0;
    int err = ok ? 0 : errno;
    if (close(fd) != 0 && ok) ok = false, err = errno;
    errno = err;
    return ok || fail_why(why, why_cap, "finish", path);
}

static bool send_all(int fd, const void *data, size_t len)
{
    const unsigned char *p = data;
    while (len > 0) {
        ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

/* The helper: each file in turn until the socket ends; the first failure is sent back and
 * ends it (what follows would be written into a matrix that is not going to be kept). */
static _Noreturn void helper_main(int fd)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    char path[PATH_MAX], why[MG_FILE_WRITE_WHY_MAX] = "";
    file_header h;
    while (mg_read_full(fd, &h, sizeof h)) {
        void *data = h.data_len ? malloc(h.data_len) : NULL;
        bool ok = h.path_len > 0 && h.path_len < sizeof path && (data || !h.data_len) &&
                  mg_read_full(fd, path, h.path_len) && mg_read_full(fd, data, h.data_len);
        if (!ok) {
            free(data);
            snprintf(why, sizeof why, "the file writer lost a file on its way (%s)",
                     h.data_len && !data ? "out of memory" : "a short read");
            break;
        }
        path[h.path_len] = '\0';
        ok = mg_file_write_now(path, data, h.data_len, (int)h.mode, why, sizeof why);
        free(data);
        if (!ok) break;
    }
    bool sent = send_all(fd, why, strlen(why));
    _exit(sent && !why[0] ? 0 : 1);
}

MG_RESULT mg_file_writer_start(mg_file_writer *w)
{
    *w = (mg_file_writer){0};
    int pair[2];
    MG_ENSURE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) == 0, MG_E_IO,
              "cannot make a socket for the file writer: %s", strerror(errno));
    /* held back until the helper is registered: a signal between fork and registration would
     * otherwise empty the folder while the helper can still write into it */
    sigset_t saved;
    mg_temp_dir_hold_signals(&saved);
    pid_t pid = fork();
    if (pid == 0) {
        mg_temp_dir_release_signals(&saved);
        close(pair[0]);
        helper_main(pair[1]);
    }
    mg_result r = pid > 0 ? mg_temp_dir_register_helper(pid)
                          : mg_fail(MG_E_IO, "cannot start the file writer: %s", strerror(errno));
    if (pid > 0 && !mg_ok(r)) {
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
    }
    mg_temp_dir_release_signals(&saved);
    close(pair[1]);
    if (!mg_ok(r)) {
        close(pair[0]);
        return r;
    }
    w->pid = pid;
    w->socket = pair[0];
    return MG_OK;
}

MG_RESULT mg_file_writer_put(mg_file_writer *w, const char *path, const void *data, size_t len,
                             int mode)
{
    size_t path_len = strlen(path);
    MG_ENSURE(path_len > 0 && path_len < PATH_MAX, MG_E_IO, "path too long: %s", path);
    MG_ENSURE(w->pid > 0, MG_E_INTERNAL, "the file writer is not running");
    file_header h = {(uint32_t)path_len, (uint32_t)mode, (uint64_t)len};
    if (send_all(w->socket, &h, sizeof h) && send_all(w->socket, path, path_len) &&
        send_all(w->socket, data, len))
        return MG_OK;
    return mg_file_writer_finish(w); /* the helper stopped at a failure: its message says which */
}

static void reap(mg_file_writer *w, int *status)
{
    while (waitpid(w->pid, status, 0) < 0 && errno == EINTR) {}
    mg_temp_dir_forget_helper(w->pid);
    close(w->socket);
    w->pid = 0;
}

MG_RESULT mg_file_writer_finish(mg_file_writer *w)
{
    MG_ENSURE(w->pid > 0, MG_E_INTERNAL, "the file writer is not running");
    shutdown(w->socket, SHUT_WR); /* the end of the files: the helper answers and exits */
    char why[MG_FILE_WRITE_WHY_MAX];
    size_t got = 0;
    for (ssize_t n; got < sizeof why - 1;) {
        n = recv(w->socket, why + got, sizeof why - 1 - got, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += (size_t)n;
    }
    why[got] = '\0';
    int status = 0;
    reap(w, &status);
    if (got) return mg_fail(MG_E_IO, "%s", why);
    MG_ENSURE(WIFEXITED(status) && WEXITSTATUS(status) == 0, MG_E_IO,
              "the file writer stopped (%s %d) before the matrix was written",
              WIFSIGNALED(status) ? "signal" : "status",
              WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
    return MG_OK;
}

void mg_file_writer_abandon(mg_file_writer *w)
{
    if (w->pid <= 0) return;
    kill(w->pid, SIGKILL);
    int status;
    reap(w, &status);
}
