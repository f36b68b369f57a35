#include "read_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* fopen succeeds on a folder and fread then fails with EISDIR: say it plainly first. */
static MG_RESULT open_regular(const char *path, FILE **out)
{
    FILE *f = fopen(path, "rb");
    MG_ENSURE(f, MG_E_IO, "cannot read %s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return mg_fail(MG_E_IO, "cannot read %s: it is a folder, not a file", path);
    }
    *out = f;
    return MG_OK;
}

/* Grows buf to hold at least need bytes; false when that passes the cap or memory runs out. */
static bool grow(unsigned char **buf, size_t *cap, size_t need, size_t max_bytes)
{
    if (need <= *cap) return true;
    size_t want = *cap ? *cap * 2 : 16384;
    if (want > max_bytes + 2) want = max_bytes + 2; /* one over the cap shows the file too big */
    if (want < need) return false;
    unsigned char *grown = realloc(*buf, want);
    if (!grown) return false;
    *buf = grown, *cap = want;
    return true;
}

static MG_RESULT read_all(FILE *f, const char *path, size_t max_bytes, unsigned char **data,
                          size_t *len)
{
    unsigned char *buf = NULL;
    size_t cap = 0, used = 0;
    for (;;) {
        if (!grow(&buf, &cap, used + 2, max_bytes)) {
            free(buf);
            if (used > max_bytes)
                return mg_fail(MG_E_INPUT, "%s: too large (more than %zu bytes)", path,
                               max_bytes);
            return mg_fail(MG_E_INTERNAL, "%s: out of memory", path);
        }
        size_t n = fread(buf + used, 1, cap - used - 1, f);
        used += n;
        if (used > max_bytes) continue; /* grow() refuses next round, naming the cap */
        if (n == 0) break;
    }
    if (ferror(f)) {
        free(buf);
        return mg_fail(MG_E_IO, "cannot read %s: %s", path, strerror(errno));
    }
    buf[used] = '\0';
    *data = buf, *len = used;
    return MG_OK;
}

mg_result mg_read_file_capped(const char *path, size_t max_bytes, unsigned char **data,
                              size_t *len)
{
    *data = NULL, *len = 0;
    FILE *f = NULL;
    MG_GUARD(open_regular(path, &f));
    mg_result r = read_all(f, path, max_bytes, data, len);
    fclose(f);
    MG_GUARD(r);
    if (*len == 0) {
        free(*data);
        *data = NULL;
        return mg_fail(MG_E_INPUT, "%s: the file is empty", path);
    }
    return MG_OK;
}
