/* The output folder's marker: which names mtlsgrid wrote, so that a rerun replaces and
 * deletes only those, and a folder of the user's is never taken for ours. */
#include "out_dir.h"

#include "atomic_file.h"
#include "make_dirs.h"
#include "path_join.h"
#include "read_file.h"
#include "remove_tree.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MARKER_HEADER "mtlsgrid output folder: mtlsgrid wrote the names below, may replace them\n"
#define MARKER_MAX (1u << 20)

static bool is_ours_by_name(const char *entry)
{
    return !strcmp(entry, MG_OUT_DIR_MARKER) || !strcmp(entry, MG_OUT_DIR_LOCK);
}

/* A folder inside that is itself an output folder of ours (limbo's reports/out/limbo inside
 * run's reports/out) does not make the outer one the user's. */
static bool is_marked_folder(const char *path, const char *entry)
{
    char marker[4096];
    struct stat st;
    return mg_ok(mg_path_format(marker, sizeof marker, "%s/%s/%s", path, entry,
                                MG_OUT_DIR_MARKER)) &&
           lstat(marker, &st) == 0 && S_ISREG(st.st_mode);
}

/* Empty (but for files and folders of ours), or marked. */
static MG_RESULT check_contents(const char *path, const mg_out_dir_options *o)
{
    DIR *dir = opendir(path);
    MG_ENSURE(dir, MG_E_IO, "%s %s: cannot read the folder: %s", o->flag, path, strerror(errno));
    char stranger[256] = "";
    bool marked = false;
    for (struct dirent *e; (e = readdir(dir));) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (!strcmp(e->d_name, MG_OUT_DIR_MARKER)) marked = true;
        else if (!is_ours_by_name(e->d_name) && !stranger[0] && !is_marked_folder(path, e->d_name))
            snprintf(stranger, sizeof stranger, "%s", e->d_name);
    }
    closedir(dir);
    MG_ENSURE(marked || !stranger[0] || o->force, MG_E_IO,
              "%s %s: the folder holds \"%s\" and was not written by mtlsgrid; give an empty or "
              "new folder, or --force to write into it (mtlsgrid deletes nothing it did not "
              "write)",
              o->flag, path, stranger);
    return MG_OK;
}

static MG_RESULT read_marker(mg_out_dir *d)
{
    char path[4096];
    MG_GUARD(mg_path_join(path, sizeof path, d->path, MG_OUT_DIR_MARKER));
    struct stat st;
    if (lstat(path, &st) != 0 || st.st_size == 0) return MG_OK; /* nothing listed yet */
    MG_ENSURE(S_ISREG(st.st_mode), MG_E_IO, "%s: not a regular file", path);
    unsigned char *text = NULL;
    size_t len = 0;
    MG_GUARD(mg_read_file_capped(path, MARKER_MAX, &text, &len));
    mg_result r = MG_OK;
    char *line = strchr((char *)text, '\n'); /* the first line is the header */
    for (char *next; mg_ok(r) && line && *++line; line = next) {
        next = strchr(line, '\n');
        if (next) *next = '\0';
        /* a name of this folder, never a path elsewhere: the marker decides what is deleted */
        if (*line && !strchr(line, '/') && strcmp(line, ".") && strcmp(line, "..") &&
            !is_ours_by_name(line) && !mg_strings_contains(&d->names, line))
            r = mg_strings_add(&d->names, line);
        if (!next) break;
    }
    free(text);
    return r;
}

static MG_RESULT write_marker(const mg_out_dir *d)
{
    size_t total = sizeof MARKER_HEADER;
    for (size_t i = 0; i < d->names.count; i++) total += strlen(d->names.items[i]) + 1;
    char *text = malloc(total);
    MG_ENSURE(text, MG_E_INTERNAL, "out of memory");
    size_t at = 0;
    memcpy(text, MARKER_HEADER, sizeof MARKER_HEADER - 1);
    at = sizeof MARKER_HEADER - 1;
    for (size_t i = 0; i < d->names.count; i++) {
        size_t n = strlen(d->names.items[i]);
        memcpy(text + at, d->names.items[i], n);
        at += n;
        text[at++] = '\n';
    }
    char path[4096];
    mg_result r = mg_path_join(path, sizeof path, d->path, MG_OUT_DIR_MARKER);
    if (mg_ok(r)) r = mg_atomic_write(path, text, at, 0644);
    free(text);
    return r;
}

mg_result mg_out_dir_open(mg_out_dir *d, const char *path, const mg_out_dir_options *o)
{
    memset(d, 0, sizeof *d);
    d->lock_fd = -1;
    MG_ENSURE(path && *path, MG_E_USAGE, "%s: no folder given", o->flag);
    MG_GUARD(mg_path_format(d->path, sizeof d->path, "%s", path));
    MG_GUARD(mg_out_dir_check_safe(path, o->flag));
    MG_GUARD(mg_make_dirs(path));
    MG_GUARD(mg_out_dir_check_safe(path, o->flag)); /* what make_dirs found or made */
    MG_ENSURE(access(path, W_OK | X_OK) == 0, MG_E_IO, "%s %s: folder is not writable: %s",
              o->flag, path, strerror(errno));
    MG_GUARD(check_contents(path, o));
    MG_GUARD(mg_out_dir_lock(path, o, &d->lock_fd));
    /* read under the lock: another process may have marked the folder since the check */
    mg_result r = read_marker(d);
    if (mg_ok(r)) r = write_marker(d); /* marked from now on: the folder is ours */
    if (!mg_ok(r)) mg_out_dir_close(d);
    return r;
}

bool mg_out_dir_lists(const mg_out_dir *d, const char *name)
{
    return mg_strings_contains(&d->names, name);
}

mg_result mg_out_dir_claim(mg_out_dir *d, const char *name)
{
    MG_ENSURE(!strchr(name, '/') && !is_ours_by_name(name), MG_E_INTERNAL,
              "%s: not a name of the output folder", name);
    if (mg_out_dir_lists(d, name)) return MG_OK;
    MG_GUARD(mg_strings_add(&d->names, name));
    return write_marker(d);
}

static void unlist(mg_out_dir *d, size_t i)
{
    free(d->names.items[i]);
    memmove(&d->names.items[i], &d->names.items[i + 1],
            (d->names.count - i - 1) * sizeof d->names.items[0]);
    d->names.count--;
}

static MG_RESULT remove_listed(mg_out_dir *d, size_t i)
{
    char path[4096];
    MG_GUARD(mg_path_join(path, sizeof path, d->path, d->names.items[i]));
    struct stat st;
    if (lstat(path, &st) != 0) {
        MG_ENSURE(errno == ENOENT, MG_E_IO, "%s: %s", path, strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        mg_remove_tree(path);
    } else {
        MG_ENSURE(unlink(path) == 0 || errno == ENOENT, MG_E_IO, "%s: cannot delete: %s", path,
                  strerror(errno));
    }
    unlist(d, i);
    return MG_OK;
}

mg_result mg_out_dir_remove(mg_out_dir *d, const char *name)
{
    for (size_t i = 0; i < d->names.count; i++)
        if (!strcmp(d->names.items[i], name)) {
            MG_GUARD(remove_listed(d, i));
            return write_marker(d);
        }
    return MG_OK;
}

void mg_out_dir_close(mg_out_dir *d)
{
    if (d->lock_fd >= 0) close(d->lock_fd);
    d->lock_fd = -1;
    mg_strings_free(&d->names);
}
