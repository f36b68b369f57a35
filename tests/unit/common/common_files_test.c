/* The shared file helpers: a path that does not fit fails instead of naming another file,
 * mkdir -p, the capped read and its messages, the atomic writer. */
#include "atomic_file.h"
#include "make_dirs.h"
#include "mg_test.h"
#include "path_join.h"
#include "read_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char dir[] = "/tmp/mg-common-files-XXXXXX";

static void check_path_join(void)
{
    char buf[16];
    CHECK(mg_ok(mg_path_join(buf, sizeof buf, "out", "work")));
    CHECK_STR(buf, "out/work");
    CHECK(mg_ok(mg_path_join(buf, sizeof buf, "out/", "work")));
    CHECK_STR(buf, "out/work");
    CHECK(mg_ok(mg_path_join(buf, sizeof buf, "0123456789", "abcd"))); /* 15 bytes: fits */
    mg_result r = mg_path_join(buf, sizeof buf, "0123456789", "abcde");
    CHECK(!mg_ok(r) && r.kind == MG_E_INPUT && strstr(mg_error_message(), "path too long"));
    CHECK(mg_ok(mg_path_format(buf, sizeof buf, "%s-%d.pem", "key", 7)));
    CHECK_STR(buf, "key-7.pem");
    CHECK(!mg_ok(mg_path_format(buf, sizeof buf, "%s/%s", "0123456789", "0123456789")));
}

static const char *path_in(const char *name)
{
    static char path[256];
    if (!mg_ok(mg_path_join(path, sizeof path, dir, name))) return "";
    return path;
}

static void check_read_file(void)
{
    unsigned char *data = NULL;
    size_t len = 0;
    FILE *f = fopen(path_in("ten.txt"), "wb");
    CHECK(f && fputs("0123456789", f) >= 0 && fclose(f) == 0);
    CHECK(mg_ok(mg_read_file_capped(path_in("ten.txt"), 10, &data, &len)));
    CHECK(len == 10 && data && data[10] == '\0' && memcmp(data, "0123456789", 10) == 0);
    free(data);
    mg_result r = mg_read_file_capped(path_in("ten.txt"), 9, &data, &len);
    CHECK(!mg_ok(r) && r.kind == MG_E_INPUT && data == NULL);
    CHECK(strstr(mg_error_message(), "ten.txt: too large (more than 9 bytes)"));
    f = fopen(path_in("empty.txt"), "wb");
    CHECK(f && fclose(f) == 0);
    r = mg_read_file_capped(path_in("empty.txt"), 10, &data, &len);
    CHECK(!mg_ok(r) && r.kind == MG_E_INPUT);
    CHECK(strstr(mg_error_message(), "empty.txt: the file is empty"));
    r = mg_read_file_capped(path_in("missing.txt"), 10, &data, &len);
    CHECK(!mg_ok(r) && r.kind == MG_E_IO && strstr(mg_error_message(), "cannot read "));
    CHECK(strstr(mg_error_message(), "missing.txt: No such file"));
    r = mg_read_file_capped(dir, 10, &data, &len);
    CHECK(!mg_ok(r) && r.kind == MG_E_IO && strstr(mg_error_message(), "a folder, not a file"));
}

static void check_make_dirs_and_atomic_file(void)
{
    struct stat st;
    CHECK(mg_ok(mg_make_dirs(path_in("a/b/c"))));
    CHECK(stat(path_in("a/b/c"), &st) == 0 && S_ISDIR(st.st_mode));
    CHECK(mg_ok(mg_make_dirs(path_in("a/b/c")))); /* already there: fine */
    CHECK(!mg_ok(mg_make_dirs(path_in("ten.txt/sub"))));
    mg_atomic_file out;
    CHECK(mg_ok(mg_atomic_open(&out, path_in("a/report.txt"))));
    fputs("whole\n", out.file);
    CHECK(stat(path_in("a/report.txt"), &st) != 0); /* not there until committed */
    CHECK(mg_ok(mg_atomic_commit(&out)));
    CHECK(stat(path_in("a/report.txt"), &st) == 0 && st.st_size == 6);
    CHECK(stat(path_in("a/report.txt.partial"), &st) != 0);
}

int main(void)
{
    CHECK(mkdtemp(dir) != NULL);
    check_path_join();
    check_read_file();
    check_make_dirs_and_atomic_file();
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
    TEST_END();
}
