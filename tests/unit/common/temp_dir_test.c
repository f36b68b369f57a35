/* Temporary folders: under TMPDIR, private, and removed when the process dies of SIGINT,
 * SIGTERM or SIGHUP (a forked child that inherits the handler keeps its parent's folders). */
#include "mg_test.h"
#include "path_join.h"
#include "temp_dir.h"
#include "test_matrix.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char scratch[4096];

static void fill(const char *dir)
{
    char path[4096];
    CHECK(mg_ok(mg_path_join(path, sizeof path, dir, "matrix")) && mkdir(path, 0700) == 0);
    CHECK(mg_ok(mg_path_join(path, sizeof path, dir, "matrix/client.key")));
    FILE *f = fopen(path, "w");
    CHECK(f && fputs("secret\n", f) >= 0 && fclose(f) == 0);
}

static bool exists(const char *path) { return access(path, F_OK) == 0; }

/* A child makes a folder, forks a grandchild that dies of the same signal first (it must not
 * remove its parent's folder), then dies of the signal itself. */
static void check_removed_on(int sig)
{
    int pipefd[2];
    CHECK(pipe(pipefd) == 0);
    pid_t child = fork();
    if (child == 0) {
        char dir[4096];
        if (!mg_ok(mg_temp_dir_make("unit", dir, sizeof dir))) _exit(3);
        fill(dir);
        pid_t grandchild = fork();
        if (grandchild == 0) raise(sig);
        int status;
        waitpid(grandchild, &status, 0);
        bool kept = exists(dir);
        if (write(pipefd[1], dir, strlen(dir) + 1) < 0 || !kept) _exit(4);
        raise(sig);
        _exit(5);
    }
    close(pipefd[1]);
    char dir[4096] = "";
    ssize_t n = read(pipefd[0], dir, sizeof dir - 1);
    close(pipefd[0]);
    int status = 0;
    CHECK(waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == sig); /* died of it, as a shell expects */
    CHECK(n > 0 && strncmp(dir, scratch, strlen(scratch)) == 0); /* under TMPDIR */
    CHECK(n > 0 && !exists(dir));
}

static void check_make_and_remove(void)
{
    char dir[4096];
    CHECK(mg_ok(mg_temp_dir_make("unit", dir, sizeof dir)));
    struct stat st;
    CHECK(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700);
    CHECK(strstr(dir, "/mtlsgrid-unit-") != NULL);
    fill(dir);
    char copy[4096];
    strcpy(copy, dir);
    mg_temp_dir_remove(dir);
    CHECK(dir[0] == '\0' && !exists(copy));
    char tiny[8];
    CHECK(!mg_ok(mg_temp_dir_make("unit", tiny, sizeof tiny)) && tiny[0] == '\0');
}

int main(void)
{
    CHECK(mg_test_scratch("temp-dir", scratch, sizeof scratch));
    setenv("TMPDIR", scratch, 1);
    check_make_and_remove();
    check_removed_on(SIGTERM);
    check_removed_on(SIGINT);
    check_removed_on(SIGHUP);
    mg_test_scratch_remove(scratch);
    TEST_END();
}
