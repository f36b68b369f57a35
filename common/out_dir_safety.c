/* Whether a folder is safe to write into: an attacker who made the folder (or a link to one)
 * first must not get our files, or our renames, in a place of their choosing. */
#include "out_dir.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool ours(uid_t uid) { return uid == geteuid(); }

mg_result mg_out_dir_check_safe(const char *path, const char *flag)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        MG_ENSURE(errno == ENOENT, MG_E_IO, "%s %s: %s", flag, path, strerror(errno));
        return MG_OK; /* made by us, with our own mode */
    }
    if (S_ISLNK(st.st_mode)) {
        MG_ENSURE(ours(st.st_uid) || st.st_uid == 0, MG_E_IO,
                  "%s %s: a symbolic link owned by another user (uid %u); give a folder of "
                  "yours",
                  flag, path, (unsigned)st.st_uid);
        MG_ENSURE(stat(path, &st) == 0, MG_E_IO, "%s %s: %s", flag, path, strerror(errno));
    }
    MG_ENSURE(S_ISDIR(st.st_mode), MG_E_IO, "%s %s: not a folder", flag, path);
    MG_ENSURE(ours(st.st_uid), MG_E_IO,
              "%s %s: the folder belongs to another user (uid %u); give a folder of yours",
              flag, path, (unsigned)st.st_uid);
    bool others_write =
        (st.st_mode & S_IWOTH) || ((st.st_mode & S_IWGRP) && st.st_gid != getegid());
    MG_ENSURE(!others_write || (st.st_mode & S_ISVTX), MG_E_IO,
              "%s %s: others can write into the folder (mode %03o); give a folder only you "
              "can write, or make it sticky",
              flag, path, (unsigned)(st.st_mode & 07777));
    return MG_OK;
}
