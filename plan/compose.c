#include "compose.h"

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
    fclose(in);
    MG_ENSURE(ok, MG_E_IO, "%s: cannot write: %s", out_path, strerror(errno));
    return MG_OK;
}

mg_result mg_concat_files(const char *out_path, const char *const *parts)
{
    FILE *out = fopen(out_path, "wb");
    MG_ENSURE(out, MG_E_IO, "%s: cannot write: %s", out_path, strerror(errno));
    mg_result r = MG_OK;
    for (size_t i = 0; parts[i] && mg_ok(r); i++) r = append_file(out, out_path, parts[i]);
    bool closed = fclose(out) == 0;
    MG_GUARD(r);
    MG_ENSURE(closed, MG_E_IO, "%s: cannot write: %s", out_path, strerror(errno));
    return MG_OK;
}
