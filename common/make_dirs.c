#include "make_dirs.h"

#include <errno.h>
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
