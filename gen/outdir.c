/* Output folder checks, the temporary folder, and the final rename. */
#include "outdir.h"

#include "out_dir.h"
#include "gen.h"
#include "path_join.h"
#include "remove_tree.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* parent and last component of `out`, trailing slashes ignored. */
static MG_RESULT split_path(const char *out, char *parent, char *base, size_t cap)
{
    size_t len = strlen(out);
    while (len > 1 && out[len - 1] == '/') len--;
    MG_ENSURE(len > 0, MG_E_USAGE, "bad output folder \"%s\"", out);
    if (len >= cap) return mg_path_too_long(out, len, cap);
    char trimmed[4096];
    memcpy(trimmed, out, len);
    trimmed[len] = '\0';
    const char *slash = strrchr(trimmed, '/');
    if (slash == NULL) {
        snprintf(parent, cap, ".");
        snprintf(base, cap, "%s", trimmed);
    } else {
        snprintf(parent, cap, "%.*s", slash == trimmed ? 1 : (int)(slash - trimmed), trimmed);
        snprintf(base, cap, "%s", slash + 1);
    }
    MG_ENSURE(base[0] && strcmp(base, ".") && strcmp(base, ".."), MG_E_USAGE,
              "output folder \"%s\" must name a folder", out);
    return MG_OK;
}

/* Whether `entry` of folder `out` belongs to the matrix whose manifest is `manifest`. */
static int belongs(json_t *manifest, const char *entry)
{
    if (strcmp(entry, "manifest.json") == 0) return 1;
    json_t *artifact;
    size_t i;
    json_array_foreach(json_object_get(manifest, "artifacts"), i, artifact)
        if (json_is_string(json_object_get(artifact, "name"))
            && strcmp(json_string_value(json_object_get(artifact, "name")), entry) == 0)
            return 1;
    return 0;
}

static MG_RESULT check_contents(const char *out)
{
    char path[4096];
    MG_GUARD(mg_path_join(path, sizeof path, out, "manifest.json"));
    json_t *manifest = json_load_file(path, 0, NULL);
    int ours = manifest && json_is_string(json_object_get(manifest, "generator")) &&
               strcmp(json_string_value(json_object_get(manifest, "generator")), "mtlsgrid") == 0;
    DIR *dir = opendir(out);
    if (dir == NULL) {
        json_decref(manifest);
        return mg_fail(MG_E_IO, "cannot read output folder %s: %s", out, strerror(errno));
    }
    mg_result r = MG_OK;
    for (struct dirent *e; mg_ok(r) && (e = readdir(dir)) != NULL;) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        if (!ours && manifest && strcmp(e->d_name, "manifest.json") == 0)
            r = mg_fail(MG_E_INPUT,
                        "output folder %s holds a manifest.json not written by mtlsgrid "
                        "gen; give an empty or new folder",
                        out);
        else if (!ours || !belongs(manifest, e->d_name))
            r = mg_fail(MG_E_INPUT,
                        "output folder %s holds \"%s\", which is not part of a matrix; "
                        "give an empty or new folder",
                        out, e->d_name);
    }
    closedir(dir);
    json_decref(manifest);
    return r;
}

MG_RESULT mg_outdir_check(const char *out)
{
    MG_ENSURE(out != NULL && out[0], MG_E_USAGE, "no output folder given (--out DIR)");
    char parent[4096], base[4096];
    MG_GUARD(split_path(out, parent, base, sizeof parent));
    struct stat st;
    if (stat(out, &st) != 0) {
        MG_ENSURE(errno == ENOENT, MG_E_IO, "output folder %s: %s", out, strerror(errno));
        MG_GUARD(mg_out_dir_check_safe(out, "--out")); /* the folders it is made in */
        MG_ENSURE(access(parent, W_OK | X_OK) == 0, MG_E_IO,
                  "cannot create output folder %s: %s: %s", out, parent, strerror(errno));
        return MG_OK;
    }
    MG_ENSURE(S_ISDIR(st.st_mode), MG_E_INPUT, "output %s exists and is not a folder", out);
    MG_GUARD(mg_out_dir_check_safe(out, "--out")); /* the guard of every output folder */
    MG_ENSURE(access(out, W_OK | X_OK) == 0, MG_E_IO, "output folder %s is not writable: %s",
              out, strerror(errno));
    MG_ENSURE(access(parent, W_OK | X_OK) == 0, MG_E_IO,
              "cannot replace output folder %s: %s is not writable: %s", out, parent,
              strerror(errno));
    return check_contents(out);
}

MG_RESULT mg_outdir_make_temp(const char *out, char **tmp)
{
    char parent[4096], base[4096], path[4096];
    MG_GUARD(split_path(out, parent, base, sizeof parent));
    MG_GUARD(mg_path_format(path, sizeof path, "%s/.%s.tmp-XXXXXX", parent, base));
    MG_ENSURE(mkdtemp(path) != NULL, MG_E_IO,
              "cannot write output folder %s: no temporary folder in %s: %s", out, parent,
              strerror(errno));
    *tmp = strdup(path);
    if (*tmp == NULL) {
        rmdir(path);
        return mg_fail(MG_E_INTERNAL, "out of memory");
    }
    return MG_OK;
}

MG_RESULT mg_outdir_commit(const char *tmp, const char *out)
{
    /* mkdtemp made it 0700; the matrix is for everyone to read (keys stay 0600). */
    MG_ENSURE(chmod(tmp, 0755) == 0, MG_E_IO, "cannot chmod %s: %s", tmp, strerror(errno));
    if (rename(tmp, out) == 0) return MG_OK; /* `out` was absent or an empty folder */
    MG_ENSURE(errno == ENOTEMPTY || errno == EEXIST, MG_E_IO, "cannot move %s to %s: %s",
              tmp, out, strerror(errno));
    /* A previous matrix: move it aside, move the new one in, then delete the old one. */
    char parent[4096], base[4096], old[4096];
    MG_GUARD(split_path(out, parent, base, sizeof parent));
    MG_GUARD(mg_path_format(old, sizeof old, "%s/.%s.old-XXXXXX", parent, base));
    MG_ENSURE(mkdtemp(old) != NULL, MG_E_IO, "cannot create a folder in %s: %s", parent,
              strerror(errno));
    if (rename(out, old) != 0) {
        int err = errno;
        rmdir(old);
        return mg_fail(MG_E_IO, "cannot move the previous matrix %s aside: %s", out,
                       strerror(err));
    }
    if (rename(tmp, out) != 0) {
        int err = errno;
        rename(old, out); /* best effort: put the previous matrix back */
        return mg_fail(MG_E_IO, "cannot move %s to %s: %s", tmp, out, strerror(err));
    }
    mg_remove_tree(old);
    return MG_OK;
}

/* Whether entry is "<prefix>XXXXXX", a name mkdtemp made from "<prefix>XXXXXX". */
static bool made_from(const char *entry, const char *prefix)
{
    size_t n = strlen(prefix);
    return strncmp(entry, prefix, n) == 0 && strlen(entry) == n + 6;
}

mg_result mg_gen_clear_leftovers(const char *out)
{
    char parent[4096], base[4096], tmp_prefix[4200], old_prefix[4200];
    MG_GUARD(split_path(out, parent, base, sizeof parent));
    MG_GUARD(mg_path_format(tmp_prefix, sizeof tmp_prefix, ".%s.tmp-", base));
    MG_GUARD(mg_path_format(old_prefix, sizeof old_prefix, ".%s.old-", base));
    DIR *dir = opendir(parent);
    MG_ENSURE(dir, MG_E_IO, "cannot read %s: %s", parent, strerror(errno));
    mg_result r = MG_OK;
    for (struct dirent *e; mg_ok(r) && (e = readdir(dir)) != NULL;) {
        if (!made_from(e->d_name, tmp_prefix) && !made_from(e->d_name, old_prefix)) continue;
        char path[4096];
        r = mg_path_join(path, sizeof path, parent, e->d_name);
        if (mg_ok(r)) mg_remove_tree(path);
    }
    closedir(dir);
    return r;
}
