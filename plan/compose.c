#include "compose.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

mg_result mg_make_dirs(const char *path)
{
    char buf[4096];
    MG_ENSURE(strlen(path) < sizeof buf, MG_E_USAGE, "%s: path too long", path);
    struct stat st;
    if (mkdir(path, 0755) == 0 || (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
        return MG_OK; /* the usual case: only the last component was missing */
    strcpy(buf, path);
    for (char *p = buf + 1;; p++) {
        if (*p == '/' || *p == '\0') {
            char saved = *p;
            *p = '\0';
            MG_ENSURE(mkdir(buf, 0755) == 0 || errno == EEXIST, MG_E_IO,
                      "%s: cannot create folder: %s", buf, strerror(errno));
            *p = saved;
            if (!saved) break;
        }
    }
    MG_ENSURE(stat(path, &st) == 0 && S_ISDIR(st.st_mode), MG_E_IO, "%s: not a folder", path);
    return MG_OK;
}

static MG_RESULT append_file(FILE *out, const char *out_path, const char *part)
{
    FILE *in = fopen(part, "rb");
    MG_ENSURE(in, MG_E_INPUT, "%s: cannot read: %s", part, strerror(errno));
    char buf[8192];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0) ok = fwrite(buf, 1, n, out) == n;
    fclose(in);
    MG_ENSURE(ok, MG_E_IO, "%s: cannot write: %s", out_path, strerror(errno));
    return MG_OK;
}

mg_result mg_concat_files(const char *out_path, const char *const *parts)
{
    FILE *out = fopen(out_path, "wb");
    MG_ENSURE(out, MG_E_IO, "%s: cannot write: %s", out_path, strerror(errno));
    mg_result r = MG_OK;
    for (size_t i = 0; parts[i] && mg_ok(r); i++) r = append_file(out, out_path, parts[i]);
    bool closed = fclose(out) == 0;
    MG_GUARD(r);
    MG_ENSURE(closed, MG_E_IO, "%s: cannot write: %s", out_path, strerror(errno));
    return MG_OK;
}
