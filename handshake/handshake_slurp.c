#include "handshake_read.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MG_HS_MAX_FILE (16u << 20) /* certificates and CRLs are far smaller; refuse the rest */

mg_result mg_hs_slurp(const char *flag, const char *path, unsigned char **data, size_t *len)
{
    *data = NULL, *len = 0;
    struct stat st;
    MG_ENSURE(stat(path, &st) == 0, MG_E_INPUT, "--%s %s: cannot read: %s", flag, path,
              strerror(errno));
    MG_ENSURE(S_ISREG(st.st_mode), MG_E_INPUT, "--%s %s: not a regular file", flag, path);
    MG_ENSURE(st.st_size > 0, MG_E_INPUT, "--%s %s: the file is empty", flag, path);
    MG_ENSURE((size_t)st.st_size <= MG_HS_MAX_FILE, MG_E_INPUT,
              "--%s %s: too large (%lld bytes) for a certificate file", flag, path,
              (long long)st.st_size);
    FILE *f = fopen(path, "rb");
    MG_ENSURE(f, MG_E_INPUT, "--%s %s: cannot read: %s", flag, path, strerror(errno));
    *data = malloc((size_t)st.st_size + 1);
    size_t got = *data ? fread(*data, 1, (size_t)st.st_size, f) : 0;
    fclose(f);
    if (!*data || got != (size_t)st.st_size) {
        free(*data);
        *data = NULL;
        return mg_fail(MG_E_INPUT, "--%s %s: cannot read the whole file", flag, path);
    }
    (*data)[got] = '\0';
    *len = got;
    return MG_OK;
}
