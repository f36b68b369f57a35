#include "file_io.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

MG_RESULT mg_fuzz_read_file(const char *path, char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    MG_ENSURE(f != NULL, MG_E_IO, "%s: cannot open: %s", path, strerror(errno));
    size_t cap = 4096, used = 0, n;
    char *buf = malloc(cap + 1);
    while (buf != NULL && (n = fread(buf + used, 1, cap - used, f)) > 0) {
        used += n;
        if (used == cap) {
            char *grown = realloc(buf, (cap *= 2) + 1);
            if (grown == NULL) free(buf);
            buf = grown;
        }
    }
    bool failed = ferror(f);
    fclose(f);
    if (buf == NULL || failed) {
        free(buf);
        return mg_fail(MG_E_IO, "%s: cannot read", path);
    }
    buf[used] = '\0';
    *out = buf;
    if (len != NULL) *len = used;
    return MG_OK;
}

MG_RESULT mg_fuzz_write_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    MG_ENSURE(f != NULL, MG_E_IO, "%s: cannot create: %s", path, strerror(errno));
    bool ok = fwrite(data, 1, len, f) == len;
    ok = fclose(f) == 0 && ok;
    MG_ENSURE(ok, MG_E_IO, "%s: cannot write", path);
    return MG_OK;
}

MG_RESULT mg_fuzz_make_dir(const char *dir)
{
    MG_ENSURE(mkdir(dir, 0755) == 0 || errno == EEXIST, MG_E_IO, "%s: cannot create folder: %s",
              dir, strerror(errno));
    return MG_OK;
}

int mg_fuzz_tool_main(int argc, char **argv, const char *usage,
                      mg_result (*run)(const char *first, const char *second))
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s %s\n", argv[0], usage);
        return 2;
    }
    mg_result r = run(argv[1], argv[2]);
    if (!mg_ok(r)) {
        fprintf(stderr, "%s: %s\n", argv[0], mg_error_message());
        return mg_exit_code(r);
    }
    return 0;
}
