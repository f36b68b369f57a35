/* The output folder's lock: flock, so it dies with the process (no stale lock after a
 * crash), and the holder's PID in the file so that a second run can say who holds it. */
#include "out_dir.h"

#include "path_join.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

static void read_holder(int fd, char *holder, size_t cap)
{
    ssize_t n = pread(fd, holder, cap - 1, 0);
    holder[n > 0 ? n : 0] = '\0';
    holder[strcspn(holder, "\n")] = '\0';
}

mg_result mg_out_dir_lock(const char *dir, const mg_out_dir_options *o, int *fd)
{
    char path[4096];
    MG_GUARD(mg_path_join(path, sizeof path, dir, MG_OUT_DIR_LOCK));
    *fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
    MG_ENSURE(*fd >= 0, MG_E_IO, "%s %s: cannot lock: %s: %s", o->flag, dir, path,
              strerror(errno));
    if (flock(*fd, LOCK_EX | LOCK_NB) != 0) {
        int err = errno;
        char holder[128];
        read_holder(*fd, holder, sizeof holder);
        close(*fd);
        *fd = -1;
        MG_ENSURE(err != EWOULDBLOCK, MG_E_IO,
                  "%s %s: in use by process %s; wait for it to finish or give another folder",
                  o->flag, dir, holder[0] ? holder : "(unknown)");
        return mg_fail(MG_E_IO, "%s %s: cannot lock: %s", o->flag, dir, strerror(err));
    }
    char holder[128];
    int n = snprintf(holder, sizeof holder, "%ld (mtlsgrid %s)\n", (long)getpid(),
                     o->command ? o->command : "");
    /* Only a message depends on it: a failed write leaves the lock held all the same. */
    bool noted = ftruncate(*fd, 0) == 0 && pwrite(*fd, holder, (size_t)n, 0) == n;
    (void)noted;
    return MG_OK;
}
