#include "data_dir.h"

#include "path_join.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The data folder relative to the binary's folder, from the install directories. */
#ifndef MG_DATA_FROM_BIN
#define MG_DATA_FROM_BIN "../share/mtlsgrid"
#endif

static MG_RESULT has_catalogue(const char *dir, const char *from)
{
    char path[4096];
    struct stat st;
    MG_GUARD(mg_path_join(path, sizeof path, dir, "catalogue"));
    MG_ENSURE(stat(path, &st) == 0 && S_ISDIR(st.st_mode), MG_E_INPUT,
              "no scenario catalogue in %s (%s)", dir, from);
    return MG_OK;
}

/* <folder of /proc/self/exe>/MG_DATA_FROM_BIN. */
static MG_RESULT beside_binary(char *buf, size_t len)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    MG_ENSURE(n > 0, MG_E_IO, "cannot find the running binary (/proc/self/exe: %s); set "
              "MTLSGRID_DATA to the data folder", strerror(errno));
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    MG_ENSURE(slash, MG_E_IO, "the running binary's path %s has no folder", exe);
    *slash = '\0';
    return mg_path_join(buf, len, exe, MG_DATA_FROM_BIN);
}

mg_result mg_data_dir(char *buf, size_t len)
{
    const char *env = getenv("MTLSGRID_DATA");
    if (env && *env) {
        MG_GUARD(mg_path_format(buf, len, "%s", env));
        return has_catalogue(buf, "from MTLSGRID_DATA");
    }
    MG_GUARD(beside_binary(buf, len));
    return has_catalogue(buf, "beside the binary; set MTLSGRID_DATA to the data folder");
}
