/* Secrets: a key log is made private (0600) before a stack appends to it, never through a
 * link; a password comes from its option, a file's first line or the environment. */
#include "mg_test.h"
#include "path_join.h"
#include "private_file.h"
#include "secret.h"
#include "test_matrix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch[4096];

static const char *in(const char *name)
{
    static char path[2][4096];
    static int which;
    which ^= 1;
    if (!mg_ok(mg_path_join(path[which], sizeof path[which], scratch, name))) return "";
    return path[which];
}

static unsigned mode_of(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (unsigned)(st.st_mode & 0777) : 01000;
}

static void check_private_file(void)
{
    mode_t old = umask(022);
    CHECK(mg_ok(mg_private_file_prepare("--keylog", in("new.log"))));
    CHECK(mode_of(in("new.log")) == 0600);
    FILE *f = fopen(in("old.log"), "w");
    CHECK(f && fputs("CLIENT_RANDOM kept\n", f) >= 0 && fclose(f) == 0);
    CHECK(chmod(in("old.log"), 0644) == 0);
    CHECK(mg_ok(mg_private_file_prepare("--keylog", in("old.log"))));
    struct stat st;
    CHECK(stat(in("old.log"), &st) == 0 && (st.st_mode & 0777) == 0600 && st.st_size == 19);
    CHECK(symlink(in("old.log"), in("link.log")) == 0);
    CHECK(!mg_ok(mg_private_file_prepare("--keylog", in("link.log"))));
    CHECK(strstr(mg_error_message(), "--keylog") && strstr(mg_error_message(), "symbolic link"));
    CHECK(mg_ok(mg_private_file_prepare("--keylog", "/dev/null")));
    CHECK(mode_of("/dev/null") == 0666);
    CHECK(!mg_ok(mg_private_file_prepare("--keylog", scratch)));
    umask(old);
}

static void check_secret(void)
{
    char buf[64];
    const char *secret = "unset";
    mg_secret_source s = {"--p12-password", NULL, "--p12-password-file", NULL, "MG_TEST_SECRET"};
    unsetenv("MG_TEST_SECRET");
    CHECK(mg_ok(mg_secret_resolve(&s, buf, sizeof buf, &secret)) && secret == NULL);
    setenv("MG_TEST_SECRET", "from-env", 1);
    CHECK(mg_ok(mg_secret_resolve(&s, buf, sizeof buf, &secret)));
    CHECK_STR(secret, "from-env");
    FILE *f = fopen(in("password.txt"), "w");
    CHECK(f && fputs("from-file\nsecond line\n", f) >= 0 && fclose(f) == 0);
    s.file = in("password.txt");
    CHECK(mg_ok(mg_secret_resolve(&s, buf, sizeof buf, &secret)));
    CHECK_STR(secret, "from-file");
    s.value = "from-argv";
    CHECK(!mg_ok(mg_secret_resolve(&s, buf, sizeof buf, &secret)));
    CHECK(strstr(mg_error_message(), "give --p12-password or --p12-password-file, not both"));
    s.file = NULL;
    CHECK(mg_ok(mg_secret_resolve(&s, buf, sizeof buf, &secret)));
    CHECK_STR(secret, "from-argv");
    s.value = NULL;
    s.file = in("missing.txt");
    CHECK(!mg_ok(mg_secret_resolve(&s, buf, sizeof buf, &secret)));
    CHECK(strstr(mg_error_message(), "--p12-password-file"));
    CHECK(strstr(mg_error_message(), "missing.txt"));
    unsetenv("MG_TEST_SECRET");
}

int main(void)
{
    CHECK(mg_test_scratch("secret-files", scratch, sizeof scratch));
    check_private_file();
    check_secret();
    mg_test_scratch_remove(scratch);
    TEST_END();
}
