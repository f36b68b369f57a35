/* File helpers for bundles: modes are set explicitly, so a key is 0600 even when an older
 * bundle's file was there with another mode. */
#include "repro_bundle.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static MG_RESULT open_for_write(const char *path, unsigned mode, int *fd)
{
    *fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, (mode_t)mode);
    MG_ENSURE(*fd >= 0, MG_E_IO, "%s: cannot write: %s", path, strerror(errno));
    if (fchmod(*fd, (mode_t)mode) != 0) {
        int saved = errno;
        close(*fd);
        return mg_fail(MG_E_IO, "%s: cannot set mode %o: %s", path, mode, strerror(saved));
    }
    return MG_OK;
}

static bool write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        p += n, len -= (size_t)n;
    }
    return true;
}

mg_result mg_repro_copy(const char *from, const char *to, unsigned mode)
{
    FILE *in = fopen(from, "rb");
    MG_ENSURE(in, MG_E_INPUT, "%s: cannot read: %s", from, strerror(errno));
    int fd;
    mg_result r = open_for_write(to, mode, &fd);
    if (!mg_ok(r)) {
        fclose(in);
        return r;
    }
    char buf[8192];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0) ok = write_all(fd, buf, n);
    ok = ok && !ferror(in);
    fclose(in);
    ok = close(fd) == 0 && ok;
    MG_ENSURE(ok, MG_E_IO, "%s: cannot write: %s", to, strerror(errno));
    return MG_OK;
}

mg_result mg_repro_write_text(const char *path, const char *text, unsigned mode)
{
    int fd;
    MG_GUARD(open_for_write(path, mode, &fd));
    bool ok = write_all(fd, text, strlen(text));
    ok = close(fd) == 0 && ok;
    MG_ENSURE(ok, MG_E_IO, "%s: cannot write: %s", path, strerror(errno));
    return MG_OK;
}

int mg_repro_count_certs(const char *pem_path)
{
    FILE *f = fopen(pem_path, "r");
    if (!f) return 0;
    char line[256];
    int count = 0;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "-----BEGIN CERTIFICATE-----", 27) == 0) count++;
    fclose(f);
    return count;
}
