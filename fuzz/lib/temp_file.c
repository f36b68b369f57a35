#include "temp_file.h"

#include "path_join.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char folder[256];
static char paths[MG_FUZZ_TEMP_MAX][320];
static size_t path_count;

static void remove_folder(void)
{
    for (size_t i = 0; i < path_count; i++) unlink(paths[i]);
    rmdir(folder);
}

static bool make_folder(void)
{
    if (folder[0]) return true;
    const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR");
    if (!mg_ok(mg_path_join(folder, sizeof folder, base && base[0] ? base : "/tmp",
                            "mg-fuzz-XXXXXX")) ||
        mkdtemp(folder) == NULL) {
        folder[0] = '\0';
        return false;
    }
    atexit(remove_folder);
    return true;
}

/* The path for NAME, remembered so that exit removes it. */
static const char *path_of(const char *name)
{
    for (size_t i = 0; i < path_count; i++) {
        const char *slash = strrchr(paths[i], '/');
        if (strcmp(slash + 1, name) == 0) return paths[i];
    }
    if (path_count == MG_FUZZ_TEMP_MAX) return NULL;
    if (!mg_ok(mg_path_join(paths[path_count], sizeof paths[path_count], folder, name)))
        return NULL;
    return paths[path_count++];
}

const char *mg_fuzz_temp_file(const char *name, const uint8_t *data, size_t size)
{
    if (!make_folder()) return NULL;
    const char *path = path_of(name);
    FILE *f = path ? fopen(path, "wb") : NULL;
    if (f == NULL) return NULL;
    bool written = fwrite(data, 1, size, f) == size;
    return fclose(f) == 0 && written ? path : NULL;
}
