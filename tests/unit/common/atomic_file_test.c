/* The atomic writer never writes through a link planted at the final or at the old fixed
 * temporary name, sets modes exactly whatever the umask, and leaves no temporary behind. */
#include "atomic_file.h"
#include "mg_test.h"
#include "path_join.h"
#include "test_matrix.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[4096];

static const char *in_dir(const char *name)
{
    static char path[2][4096];
    static int which;
    which ^= 1;
    if (!mg_ok(mg_path_join(path[which], sizeof path[which], dir, name))) return "";
    return path[which];
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f && fputs(text, f) >= 0 && fclose(f) == 0);
}

static int entries(void)
{
    int n = 0;
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) n += e->d_name[0] != '.';
    if (d) closedir(d);
    return n;
}

static void check_links_not_followed(void)
{
    write_text(in_dir("victim"), "precious\n");
    CHECK(symlink(in_dir("victim"), in_dir("report.md")) == 0);
    CHECK(symlink(in_dir("victim"), in_dir("report.md.partial")) == 0);
    CHECK(mg_ok(mg_atomic_write(in_dir("report.md"), "new\n", 4, 0755)));
    struct stat st;
    CHECK(lstat(in_dir("report.md"), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 4);
    CHECK(stat(in_dir("victim"), &st) == 0 && st.st_size == 9 && (st.st_mode & 0777) == 0644);
    CHECK(lstat(in_dir("report.md.partial"), &st) == 0 && S_ISLNK(st.st_mode));
    unlink(in_dir("report.md.partial"));
}

static void check_modes_and_leftovers(void)
{
    mode_t old = umask(077);
    CHECK(mg_ok(mg_atomic_write(in_dir("public.txt"), "x", 1, 0644)));
    umask(0);
    CHECK(mg_ok(mg_atomic_write(in_dir("secret.key"), "k", 1, 0600)));
    umask(old);
    struct stat st;
    CHECK(stat(in_dir("public.txt"), &st) == 0 && (st.st_mode & 0777) == 0644);
    CHECK(stat(in_dir("secret.key"), &st) == 0 && (st.st_mode & 0777) == 0600);
    int before = entries();
    mg_atomic_file f;
    CHECK(mg_ok(mg_atomic_open(&f, in_dir("dropped.txt"))));
    CHECK(entries() == before + 1); /* the temporary, under a fresh name */
    mg_atomic_abandon(&f);
    CHECK(entries() == before && access(in_dir("dropped.txt"), F_OK) != 0);
    CHECK(!mg_ok(mg_atomic_write(in_dir("no-such-folder/x"), "x", 1, 0644)));
    CHECK(strstr(mg_error_message(), "no-such-folder/x: cannot write"));
}

int main(void)
{
    CHECK(mg_test_scratch("atomic-file", dir, sizeof dir));
    check_links_not_followed();
    check_modes_and_leftovers();
    mg_test_scratch_remove(dir);
    TEST_END();
}
