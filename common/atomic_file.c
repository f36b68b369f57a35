#include "atomic_file.h"

#include "path_join.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

mg_result mg_atomic_open(mg_atomic_file *f, const char *path)
{
    f->file = NULL;
    MG_GUARD(mg_path_format(f->final_path, sizeof f->final_path, "%s", path));
    MG_GUARD(mg_path_format(f->temp_path, sizeof f->temp_path, "%s.partial", path));
    f->file = fopen(f->temp_path, "w");
    MG_ENSURE(f->file, MG_E_IO, "%s: cannot write: %s", f->temp_path, strerror(errno));
    return MG_OK;
}

mg_result mg_atomic_commit(mg_atomic_file *f)
{
    bool ok = !ferror(f->file);
    ok = (fclose(f->file) == 0) && ok;
    f->file = NULL;
    if (!ok) {
        unlink(f->temp_path);
        return mg_fail(MG_E_IO, "%s: write failed: %s", f->final_path, strerror(errno));
    }
    MG_ENSURE(rename(f->temp_path, f->final_path) == 0, MG_E_IO, "%s: cannot rename into place: %s",
              f->final_path, strerror(errno));
    return MG_OK;
}
