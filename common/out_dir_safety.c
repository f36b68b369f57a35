/* Whether a folder is safe to write into: an attacker who made the folder (or a link to one)
 * first must not get our files, or our renames, in a place of their choosing. Its parents
 * too, as OpenSSH's safe_path() checks them: whoever owns or can write a folder above ours
 * can rename ours away and put another in its place. */
#include "out_dir.h"

#include "path_join.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool ours(uid_t uid) { return uid == geteuid(); }

static bool others_can_write(const struct stat *st)
{
    return (st->st_mode & S_IWOTH) || ((st->st_mode & S_IWGRP) && st->st_gid != getegid());
}

/* The path made absolute, lexically (links are judged one by one below). */
static MG_RESULT absolute(const char *path, char *out, size_t cap)
{
    if (path[0] == '/') return mg_path_format(out, cap, "%s", path);
    char cwd[PATH_MAX];
    MG_ENSURE(getcwd(cwd, sizeof cwd), MG_E_IO, "cannot tell the current folder: %s",
              strerror(errno));
    return mg_path_join(out, cap, cwd, path);
}

/* Cuts the last component off `path` in place; false at "/". */
static bool up(char *path)
{
    char *slash = strrchr(path, '/');
    if (!slash || (slash == path && path[1] == '\0')) return false;
    if (slash == path) slash++; /* "/a" -> "/" */
    *slash = '\0';
    return true;
}

/* Every link on the way to the folder must be ours or root's: its owner could point it
 * elsewhere between our check and our writes. */
static MG_RESULT check_links_above(const char *flag, const char *path, const char *abs)
{
    char prefix[PATH_MAX];
    MG_GUARD(mg_path_format(prefix, sizeof prefix, "%s", abs));
    while (up(prefix)) {
        struct stat st;
        if (lstat(prefix, &st) != 0 || !S_ISLNK(st.st_mode)) continue;
        MG_ENSURE(ours(st.st_uid) || st.st_uid == 0, MG_E_IO,
                  "%s %s: %s above it is a symbolic link owned by another user (uid %u); give "
                  "a folder whose path is root's or yours",
                  flag, path, prefix, (unsigned)st.st_uid);
    }
    return MG_OK;
}

/* The nearest folder that exists (the one a missing --out is made in), links resolved. */
static MG_RESULT nearest_existing(const char *flag, const char *path, const char *abs,
                                  char *resolved)
{
    char probe[PATH_MAX];
    MG_GUARD(mg_path_format(probe, sizeof probe, "%s", abs));
    while (!realpath(probe, resolved)) {
        MG_ENSURE(errno == ENOENT && up(probe), MG_E_IO, "%s %s: %s: %s", flag, path, probe,
                  strerror(errno));
    }
    return MG_OK;
}

/* Each folder above the output folder (from the nearest existing one when it is missing) up
 * to /: root's or ours, and writable by no one else unless sticky (as /tmp is). */
static MG_RESULT check_parents(const char *path, const char *flag)
{
    char abs[PATH_MAX], dir[PATH_MAX];
    MG_GUARD(absolute(path, abs, sizeof abs));
    MG_GUARD(check_links_above(flag, path, abs));
    MG_GUARD(nearest_existing(flag, path, abs, dir));
    struct stat self;
    bool exists = stat(path, &self) == 0;
    if (exists && !up(dir)) return MG_OK; /* --out / itself: checked as the folder */
    do {
        struct stat st;
        MG_ENSURE(stat(dir, &st) == 0, MG_E_IO, "%s %s: %s: %s", flag, path, dir,
                  strerror(errno));
        MG_ENSURE(ours(st.st_uid) || st.st_uid == 0, MG_E_IO,
                  "%s %s: the folder %s above it belongs to another user (uid %u), who could "
                  "move it away; give a folder whose parents are root's or yours",
                  flag, path, dir, (unsigned)st.st_uid);
        MG_ENSURE(!others_can_write(&st) || (st.st_mode & S_ISVTX), MG_E_IO,
                  "%s %s: others can write into the folder %s above it (mode %03o, not "
                  "sticky); give a folder whose parents only you or root can write",
                  flag, path, dir, (unsigned)(st.st_mode & 07777));
    } while (up(dir));
    return MG_OK;
}

mg_result mg_out_dir_check_safe(const char *path, const char *flag)
{
    struct stat st;
    if (lstat(path, &st) != 0) {
        MG_ENSURE(errno == ENOENT, MG_E_IO, "%s %s: %s", flag, path, strerror(errno));
        return check_parents(path, flag); /* made by us, with our own mode, in them */
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
    MG_ENSURE(!others_can_write(&st) || (st.st_mode & S_ISVTX), MG_E_IO,
              "%s %s: others can write into the folder (mode %03o); give a folder only you "
              "can write, or make it sticky",
              flag, path, (unsigned)(st.st_mode & 07777));
    return check_parents(path, flag);
}
