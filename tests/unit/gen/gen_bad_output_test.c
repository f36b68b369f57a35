/* A bad output folder is refused with a message naming it, and never leaves a half-written
 * matrix (or a temporary folder) behind; a previous matrix is replaced. */
#include "gen.h"
#include "manifest.h"
#include "mg_test.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static MG_RESULT generate(const char *out)
{
    mg_gen_options options = {.out_dir = out, .time_mode = MG_TIME_PINNED};
    return mg_gen_matrix(&options, NULL);
}

/* Expects failure of `kind` with a message that names `out`. */
static void expect_refused(const char *out, mg_error_kind kind)
{
    mg_result r = generate(out);
    CHECK(r.kind == kind);
    CHECK(strstr(mg_error_message(), out) != NULL);
    CHECK(mg_exit_code(r) == 2);
    fprintf(stderr, "refused as expected: %s\n", mg_error_message());
}

/* Number of entries in `dir` whose name starts with "." (temporary folders). */
static int hidden_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL) return -1;
    int n = 0;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        if (e->d_name[0] == '.' && strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
    closedir(d);
    return n;
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

int main(void)
{
    char dir[] = "/tmp/mg-gen-bad-output-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[128], file[256];

    /* A folder holding someone else's files: refused, files untouched. */
    snprintf(path, sizeof path, "%s/foreign", dir);
    CHECK(mkdir(path, 0755) == 0);
    snprintf(file, sizeof file, "%s/notes.txt", path);
    write_text(file, "mine\n");
    expect_refused(path, MG_E_INPUT);
    CHECK(access(file, F_OK) == 0);

    /* A manifest that is not ours does not make a folder a matrix. */
    snprintf(path, sizeof path, "%s/fake", dir);
    CHECK(mkdir(path, 0755) == 0);
    snprintf(file, sizeof file, "%s/manifest.json", path);
    write_text(file, "{\"generator\": \"someone else\"}\n");
    expect_refused(path, MG_E_INPUT);

    /* The output is a file, not a folder. */
    snprintf(path, sizeof path, "%s/plain-file", dir);
    write_text(path, "x\n");
    expect_refused(path, MG_E_INPUT);

    /* Unwritable places: under a regular file, under a read-only file system, and (when not
     * root, which ignores modes) under a folder without write permission. */
    snprintf(path, sizeof path, "%s/plain-file/matrix", dir);
    expect_refused(path, MG_E_IO);
    expect_refused("/proc/mtlsgrid-matrix", MG_E_IO);
    if (geteuid() != 0) {
        snprintf(path, sizeof path, "%s/locked", dir);
        CHECK(mkdir(path, 0555) == 0);
        snprintf(path, sizeof path, "%s/locked/matrix", dir);
        expect_refused(path, MG_E_IO);
    }
    CHECK(hidden_entries(dir) == 0);

    /* An empty folder is filled; a previous matrix is replaced, no temporary left over. */
    snprintf(path, sizeof path, "%s/empty", dir);
    CHECK(mkdir(path, 0755) == 0);
    CHECK(mg_ok(generate(path)));
    CHECK(mg_ok(generate(path)));
    mg_manifest m;
    CHECK(mg_ok(mg_manifest_load(path, &m)));
    CHECK(mg_manifest_find(&m, "client") != NULL);
    mg_manifest_free(&m);
    CHECK(hidden_entries(dir) == 0);

    /* A previous matrix with a stranger's file inside is no longer ours to replace. */
    snprintf(file, sizeof file, "%s/empty/extra.txt", dir);
    write_text(file, "added by hand\n");
    expect_refused(path, MG_E_INPUT);
    CHECK(access(file, F_OK) == 0);

    /* Loading something that is not a matrix names the folder. */
    snprintf(path, sizeof path, "%s/foreign", dir);
    mg_result r = mg_manifest_load(path, &m);
    CHECK(r.kind == MG_E_IO && strstr(mg_error_message(), path) != NULL);
    snprintf(path, sizeof path, "%s/fake", dir);
    r = mg_manifest_load(path, &m);
    CHECK(r.kind == MG_E_INPUT && strstr(mg_error_message(), "manifest.json") != NULL);

    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    TEST_END();
}
