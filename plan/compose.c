#include "compose.h"

#include "atomic_file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static MG_RESULT append_file(FILE *out, const char *out_path, const char *part)
{
    FILE *in = fopen(part, "rb");
    MG_ENSURE(in, MG_E_INPUT, "%s: cannot read: %s", part, strerror(errno));
    char buf[8192];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0) ok = fwrite(buf, 1, n, out) == n;
    ok = ok && !ferror(in);
    fclose(in);
    MG_ENSURE(ok, MG_E_IO, "%s: cannot write: %s", out_path, strerror(errno));
    return MG_OK;
}

mg_result mg_concat_files(const char *out_path, const char *const *parts)
{
    mg_atomic_file out;
    MG_GUARD(mg_atomic_open(&out, out_path));
    mg_result r = MG_OK;
    for (size_t i = 0; parts[i] && mg_ok(r); i++) r = append_file(out.file, out_path, parts[i]);
    if (!mg_ok(r)) {
        mg_atomic_abandon(&out);
        return r;
    }
    return mg_atomic_commit(&out);
}
