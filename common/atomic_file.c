#define _GNU_SOURCE /* mkostemp */
#include "atomic_file.h"

#include "path_join.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

mg_result mg_atomic_open_mode(mg_atomic_file *f, const char *path, unsigned mode)
{
    f->file = NULL;
    MG_GUARD(mg_path_format(f->final_path, sizeof f->final_path, "%s", path));
    MG_GUARD(mg_path_format(f->temp_path, sizeof f->temp_path, "%s.partial-XXXXXX", path));
    /* mkostemp opens O_CREAT|O_EXCL (so never through a link), mode 0600 until fchmod. */
    int fd = mkostemp(f->temp_path, O_CLOEXEC | O_NOFOLLOW);
    MG_ENSURE(fd >= 0, MG_E_IO, "%s: cannot write: %s", path, strerror(errno));
    if (fchmod(fd, (mode_t)mode) != 0 || !(f->file = fdopen(fd, "w"))) {
        int err = errno;
        close(fd);
        unlink(f->temp_path);
        return mg_fail(MG_E_IO, "%s: cannot write: %s", path, strerror(err));
    }
    return MG_OK;
}

mg_result mg_atomic_open(mg_atomic_file *f, const char *path)
{
    return mg_atomic_open_mode(f, path, 0644);
}

void mg_atomic_abandon(mg_atomic_file *f)
{
    if (!f->file) return;
    fclose(f->file);
    f->file = NULL;
    unlink(f->temp_path);
}

mg_result mg_atomic_commit(mg_atomic_file *f)
{
    bool ok = !ferror(f->file);
    int err = ok ? 0 : EIO;
    if (fflush(f->file) != 0 && ok) ok = false, err = errno;
    if (fclose(f->file) != 0 && ok) ok = false, err = errno;
    f->file = NULL;
    if (!ok) {
        unlink(f->temp_path);
        return mg_fail(MG_E_IO, "%s: write failed: %s", f->final_path, strerror(err));
    }
    /* rename replaces whatever is at the final name, a link included, and never follows it. */
    if (rename(f->temp_path, f->final_path) != 0) {
        err = errno;
        unlink(f->temp_path);
        return mg_fail(MG_E_IO, "%s: cannot rename into place: %s", f->final_path,
                       strerror(err));
    }
    return MG_OK;
}

mg_result mg_atomic_write(const char *path, const void *data, size_t len, unsigned mode)
{
    mg_atomic_file f;
    MG_GUARD(mg_atomic_open_mode(&f, path, mode));
    if (len && fwrite(data, 1, len, f.file) != len) {
        int err = errno;
        mg_atomic_abandon(&f);
        return mg_fail(MG_E_IO, "%s: write failed: %s", path, strerror(err));
    }
    return mg_atomic_commit(&f);
}
