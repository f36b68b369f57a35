/* File helpers for bundles: written through the atomic writer, modes set explicitly, so a
 * key is 0600 even when an older bundle's file was there with another mode, and a link
 * planted at a bundle's name is replaced, never written through. */
#include "atomic_file.h"
#include "repro_bundle.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

mg_result mg_repro_copy(const char *from, const char *to, unsigned mode)
{
    FILE *in = fopen(from, "rb");
    MG_ENSURE(in, MG_E_INPUT, "%s: cannot read: %s", from, strerror(errno));
    mg_atomic_file out;
    mg_result r = mg_atomic_open_mode(&out, to, mode);
    if (!mg_ok(r)) {
        fclose(in);
        return r;
    }
    char buf[8192];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0) ok = fwrite(buf, 1, n, out.file) == n;
    ok = ok && !ferror(in);
    fclose(in);
    if (!ok) {
        mg_atomic_abandon(&out);
        return mg_fail(MG_E_IO, "%s: cannot copy %s: %s", to, from, strerror(errno));
    }
    return mg_atomic_commit(&out);
}

mg_result mg_repro_write_text(const char *path, const char *text, unsigned mode)
{
    return mg_atomic_write(path, text, strlen(text), mode);
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
