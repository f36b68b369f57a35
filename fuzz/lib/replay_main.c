/* The replay driver: a main() for builds without libFuzzer. Feeds every file of the folders
 * (and every file) named on the command line to LLVMFuzzerTestOneInput, in name order, and
 * says how many it ran. A folder that does not exist is an error; so is running no input at
 * all (an empty corpus means the seed maker broke). Dot files (.keep) are skipped. */
#include "fuzz_target.h"
#include "path_join.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return -1;
    }
    size_t cap = 4096, len = 0;
    uint8_t *data = malloc(cap);
    size_t n;
    while (data != NULL && (n = fread(data + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            uint8_t *grown = realloc(data, cap *= 2);
            if (grown == NULL) free(data);
            data = grown;
        }
    }
    fclose(f);
    if (data == NULL) {
        fprintf(stderr, "replay: out of memory reading %s\n", path);
        return -1;
    }
    /* An exact-size copy, so ASan sees a read past the input's end as one. */
    uint8_t *exact = malloc(len ? len : 1);
    if (exact != NULL) memcpy(exact, data, len);
    free(data);
    if (exact == NULL) return -1;
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    return 1;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int replay_folder(const char *dir)
{
    struct dirent **entries;
    int count = scandir(dir, &entries, NULL, by_name), replayed = 0;
    if (count < 0) {
        fprintf(stderr, "replay: cannot read folder %s\n", dir);
        return -1;
    }
    for (int i = 0; i < count; i++) {
        char path[4096];
        struct stat st;
        if (!mg_ok(mg_path_join(path, sizeof path, dir, entries[i]->d_name))) {
            fprintf(stderr, "replay: %s\n", mg_error_message());
            replayed = -1;
        } else if (entries[i]->d_name[0] != '.' && stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            if (replay_file(path) < 0) replayed = -1;
            else if (replayed >= 0) replayed++;
        }
        free(entries[i]);
    }
    free(entries);
    return replayed;
}

int main(int argc, char **argv)
{
    int total = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "replay: %s does not exist\n", argv[i]);
            return 2;
        }
        int n = S_ISDIR(st.st_mode) ? replay_folder(argv[i]) : replay_file(argv[i]);
        if (n < 0) return 2;
        printf("replay: %d input(s) from %s\n", n, argv[i]);
        total += n;
    }
    if (total == 0) {
        fprintf(stderr, "replay: no input was replayed\n");
        return 1;
    }
    printf("replay: %d input(s) ran without a crash\n", total);
    return 0;
}
