#include "atomic_file.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

mg_result mg_atomic_open(mg_atomic_file *f, const char *path)
{
    snprintf(f->final_path, sizeof f->final_path, "%s", path);
    snprintf(f->temp_path, sizeof f->temp_path, "%s.partial", path);
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

void mg_write_escaped(FILE *out, const char *text)
{
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default:
            if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t') fputc('?', out);
            else fputc(*p, out);
        }
    }
}
