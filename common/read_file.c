#include "read_file.h"

#include "seconds.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a file that is not regular is, for the message; NULL for the ones we read. */
static const char *unreadable_kind(mode_t mode)
{
    if (S_ISDIR(mode)) return "it is a folder, not a file";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "it is a device, not a regular file";
    if (S_ISSOCK(mode)) return "it is a socket, not a regular file";
    return NULL;
}

/* Opened without blocking: opening a FIFO for reading would wait for a writer forever. A
 * regular file goes back to blocking reads; a pipe stays non-blocking and is read with a
 * deadline. */
static MG_RESULT open_readable(const char *path, int *fd_out, bool *is_pipe)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    MG_ENSURE(fd >= 0, MG_E_IO, "cannot read %s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int err = errno;
        close(fd);
        return mg_fail(MG_E_IO, "cannot read %s: %s", path, strerror(err));
    }
    const char *refused = unreadable_kind(st.st_mode);
    if (refused) {
        close(fd);
        return mg_fail(MG_E_IO, "cannot read %s: %s", path, refused);
    }
    *is_pipe = S_ISFIFO(st.st_mode);
    if (!*is_pipe) fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    *fd_out = fd;
    return MG_OK;
}

/* Grows buf to hold at least need bytes; false when that passes the cap or memory runs out. */
static bool grow(unsigned char **buf, size_t *cap, size_t need, size_t max_bytes)
{
    if (need <= *cap) return true;
    size_t want = *cap ? *cap * 2 : 16384;
    if (want > max_bytes + 2) want = max_bytes + 2; /* one over the cap shows the file too big */
    if (want < need) return false;
    unsigned char *grown = realloc(*buf, want);
    if (!grown) return false;
    *buf = grown, *cap = want;
    return true;
}

/* One read; a pipe with nothing yet waits (poll) until the deadline. Returns the count, 0 at
 * the end, -1 with errno on an error (ETIMEDOUT when the pipe kept us waiting too long). */
static ssize_t read_some(int fd, bool is_pipe, double deadline, void *buf, size_t len)
{
    for (;;) {
        ssize_t n = read(fd, buf, len);
        if (n >= 0) return n;
        if (errno == EINTR) continue;
        if (!is_pipe || (errno != EAGAIN && errno != EWOULDBLOCK)) return -1;
        double left = deadline - mg_monotonic_seconds();
        if (left <= 0) {
            errno = ETIMEDOUT;
            return -1;
        }
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, (int)(left * 1e3) + 1) < 0 && errno != EINTR) return -1;
    }
}

static MG_RESULT read_all(int fd, bool is_pipe, const char *path, size_t max_bytes,
                          unsigned char **data, size_t *len)
{
    unsigned char *buf = NULL;
    size_t cap = 0, used = 0;
    double deadline = mg_monotonic_seconds() + MG_READ_PIPE_SECONDS;
    for (;;) {
        if (!grow(&buf, &cap, used + 2, max_bytes)) {
            free(buf);
            if (used > max_bytes)
                return mg_fail(MG_E_INPUT, "%s: too large (more than %zu bytes)", path,
                               max_bytes);
            return mg_fail(MG_E_INTERNAL, "%s: out of memory", path);
        }
        ssize_t n = read_some(fd, is_pipe, deadline, buf + used, cap - used - 1);
        if (n < 0) {
            int err = errno;
            free(buf);
            if (err == ETIMEDOUT)
                return mg_fail(MG_E_IO, "cannot read %s: the pipe sent no end of data within "
                               "%d s", path, MG_READ_PIPE_SECONDS);
            return mg_fail(MG_E_IO, "cannot read %s: %s", path, strerror(err));
        }
        used += (size_t)n;
        if (used > max_bytes) continue; /* grow() refuses next round, naming the cap */
        if (n == 0) break;
    }
    buf[used] = '\0';
    *data = buf, *len = used;
    return MG_OK;
}

static MG_RESULT read_whole(const char *path, size_t max_bytes, bool empty_ok,
                            unsigned char **data, size_t *len)
{
    *data = NULL, *len = 0;
    int fd = -1;
    bool is_pipe = false;
    MG_GUARD(open_readable(path, &fd, &is_pipe));
    mg_result r = read_all(fd, is_pipe, path, max_bytes, data, len);
    close(fd);
    MG_GUARD(r);
    if (*len == 0 && (!empty_ok || is_pipe)) { /* a FIFO nobody writes to is not a file */
        free(*data);
        *data = NULL;
        /* A FIFO opened without a writer reads as an immediate end: say which it was. */
        return mg_fail(MG_E_INPUT, "%s: %s", path,
                       is_pipe ? "the pipe gave no data (nothing writes to it)"
                               : "the file is empty");
    }
    return MG_OK;
}

mg_result mg_read_file_capped(const char *path, size_t max_bytes, unsigned char **data,
                              size_t *len)
{
    return read_whole(path, max_bytes, false, data, len);
}

mg_result mg_read_file_or_empty(const char *path, size_t max_bytes, unsigned char **data,
                                size_t *len)
{
    return read_whole(path, max_bytes, true, data, len);
}

mg_result mg_check_regular_file(const char *flag, const char *path, size_t max_bytes)
{
    struct stat st;
    MG_ENSURE(stat(path, &st) == 0, MG_E_IO, "%s %s: cannot read: %s", flag, path,
              strerror(errno));
    MG_ENSURE(S_ISREG(st.st_mode), MG_E_INPUT, "%s %s: not a regular file (%s)", flag, path,
              S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISDIR(st.st_mode) ? "a folder"
                                                                    : "a device or socket");
    MG_ENSURE((size_t)st.st_size <= max_bytes, MG_E_INPUT,
              "%s %s: too large (%lld bytes; at most %zu)", flag, path, (long long)st.st_size,
              max_bytes);
    return MG_OK;
}
