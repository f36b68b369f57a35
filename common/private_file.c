#include "private_file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static MG_RESULT check_opened(const char *flag, const char *path, int fd)
{
    struct stat st;
    MG_ENSURE(fstat(fd, &st) == 0, MG_E_IO, "%s %s: %s", flag, path, strerror(errno));
    if (S_ISCHR(st.st_mode)) return MG_OK;
    MG_ENSURE(S_ISREG(st.st_mode), MG_E_INPUT, "%s %s: not a regular file", flag, path);
    MG_ENSURE(st.st_uid == geteuid(), MG_E_IO,
              "%s %s: the file belongs to another user (uid %u); secrets go to a file of yours",
              flag, path, (unsigned)st.st_uid);
    MG_ENSURE((st.st_mode & 077) == 0 || fchmod(fd, 0600) == 0, MG_E_IO,
              "%s %s: cannot make it private (mode 0600): %s", flag, path, strerror(errno));
    return MG_OK;
}

mg_result mg_private_file_prepare(const char *flag, const char *path)
{
    /* O_NONBLOCK: a FIFO without a reader fails at once instead of hanging the command */
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,
                  0600);
    if (fd < 0) {
        MG_ENSURE(errno != ELOOP, MG_E_INPUT, "%s %s: a symbolic link; give the file itself",
                  flag, path);
        return mg_fail(MG_E_IO, "%s %s: cannot write: %s", flag, path, strerror(errno));
    }
    mg_result r = check_opened(flag, path, fd);
    close(fd);
    return r;
}
