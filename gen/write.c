/* Files of the matrix: "<tmp dir>/<artifact>/<file>", private keys created 0600 from the
 * start (never world-readable, not even for an instant). */
#include "gen_internal.h"

#include "path_join.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/bio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static MG_RESULT ensure_folder(const char *path)
{
    if (mkdir(path, 0755) == 0 || errno == EEXIST) return MG_OK;
    return mg_fail(MG_E_IO, "cannot create %s: %s", path, strerror(errno));
}

MG_RESULT mg_write_file(mg_gen *g, const char *name, const char *file, const void *data,
                        size_t len, int mode)
{
    char path[4096];
    if (name != NULL) {
        MG_GUARD(mg_path_join(path, sizeof path, g->dir, name));
        MG_GUARD(ensure_folder(path));
        MG_GUARD(mg_path_format(path, sizeof path, "%s/%s/%s", g->dir, name, file));
    } else {
        MG_GUARD(mg_path_join(path, sizeof path, g->dir, file));
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, (mode_t)mode);
    MG_ENSURE(fd >= 0, MG_E_IO, "cannot create %s: %s", path, strerror(errno));
    const unsigned char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            int err = errno;
            close(fd);
            return mg_fail(MG_E_IO, "cannot write %s: %s", path, strerror(err));
        }
        p += w;
        left -= (size_t)w;
    }
    /* The umask may have narrowed the mode; make it exactly what was asked. */
    int ok = fchmod(fd, (mode_t)mode) == 0;
    ok = close(fd) == 0 && ok;
    MG_ENSURE(ok, MG_E_IO, "cannot finish %s: %s", path, strerror(errno));
    g->files++;
    return MG_OK;
}

MG_RESULT mg_write_bio(mg_gen *g, const char *name, const char *file, BIO *bio, int mode)
{
    char *data = NULL;
    long len = BIO_get_mem_data(bio, &data);
    MG_ENSURE(len >= 0, MG_E_INTERNAL, "no data for %s/%s", name, file);
    return mg_write_file(g, name, file, data, (size_t)len, mode);
}
