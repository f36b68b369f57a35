/* The generator's file writer: files written whole, in their folders, with exactly the mode
 * asked for whatever the umask; the first failure reported naming the file; and an interrupt
 * that comes while it is still writing leaves neither the folder nor the helper behind. */
#include "file_writer.h"
#include "mg_test.h"
#include "path_join.h"
#include "temp_dir.h"
#include "test_matrix.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char scratch[4096];

static bool file_is(const char *path, const char *text, mode_t mode)
{
    char got[256] = "";
    FILE *f = fopen(path, "r");
    size_t n = f ? fread(got, 1, sizeof got - 1, f) : 0;
    if (f) fclose(f);
    got[n] = '\0';
    struct stat st;
    return f && !strcmp(got, text) && stat(path, &st) == 0 && (st.st_mode & 0777) == mode;
}

static void check_writes(void)
{
    char dir[4096], key[4096], cert[4096], top[4096];
    CHECK(mg_ok(mg_path_join(dir, sizeof dir, scratch, "matrix")) && mkdir(dir, 0755) == 0);
    CHECK(mg_ok(mg_path_format(key, sizeof key, "%s/client/key.pem", dir)));
    CHECK(mg_ok(mg_path_format(cert, sizeof cert, "%s/client/cert.pem", dir)));
    CHECK(mg_ok(mg_path_format(top, sizeof top, "%s/manifest.json", dir)));
    mode_t old_mask = umask(077); /* would make the certificate 0600 */
    mg_file_writer w;
    CHECK(mg_ok(mg_file_writer_start(&w)) && w.pid > 0);
    CHECK(mg_ok(mg_file_writer_put(&w, key, "secret\n", 7, 0600)));
    CHECK(mg_ok(mg_file_writer_put(&w, cert, "public\n", 7, 0644)));
    CHECK(mg_ok(mg_file_writer_put(&w, top, "", 0, 0644)));
    CHECK(mg_ok(mg_file_writer_finish(&w)) && w.pid == 0);
    umask(old_mask);
    CHECK(file_is(key, "secret\n", 0600));
    CHECK(file_is(cert, "public\n", 0644));
    CHECK(file_is(top, "", 0644));
}

/* A folder that cannot be made (a file is in its place): the failure names the file, and
 * what was handed over after it is not written. */
static void check_failure_named(void)
{
    char blocker[4096], bad[4096], after[4096];
    CHECK(mg_ok(mg_path_join(blocker, sizeof blocker, scratch, "not-a-folder")));
    FILE *f = fopen(blocker, "w");
    CHECK(f && fclose(f) == 0);
    CHECK(mg_ok(mg_path_format(bad, sizeof bad, "%s/cert.pem", blocker)));
    CHECK(mg_ok(mg_path_join(after, sizeof after, scratch, "after.pem")));
    mg_file_writer w;
    CHECK(mg_ok(mg_file_writer_start(&w)));
    mg_result r = mg_file_writer_put(&w, bad, "x", 1, 0644);
    if (mg_ok(r)) r = mg_file_writer_put(&w, after, "x", 1, 0644);
    if (mg_ok(r)) r = mg_file_writer_finish(&w);
    else CHECK(w.pid == 0); /* put met the stopped helper and reaped it */
    CHECK(r.kind == MG_E_IO && strstr(mg_error_message(), bad) != NULL);
    CHECK(mg_exit_code(r) == 2);
    CHECK(access(after, F_OK) != 0);
    fprintf(stderr, "refused as expected: %s\n", mg_error_message());
    mg_file_writer abandoned;
    CHECK(mg_ok(mg_file_writer_start(&abandoned)));
    pid_t pid = abandoned.pid;
    mg_file_writer_abandon(&abandoned);
    CHECK(abandoned.pid == 0 && kill(pid, 0) != 0 && errno == ESRCH); /* killed and reaped */
}

/* A child fills a registered temporary folder through the writer and is interrupted with
 * files still queued: the folder goes, and so does the helper. */
static void check_interrupted(void)
{
    int report[2];
    CHECK(pipe(report) == 0);
    pid_t child = fork();
    if (child == 0) {
        char dir[2048], path[4096];
        mg_file_writer w;
        if (!mg_ok(mg_temp_dir_make("writer", dir, sizeof dir)) ||
            !mg_ok(mg_file_writer_start(&w)))
            _exit(3);
        static char block[64 * 1024];
        memset(block, 'k', sizeof block);
        for (int i = 0; i < 64; i++) {
            snprintf(path, sizeof path, "%s/artifact-%d/key.pem", dir, i);
            if (!mg_ok(mg_file_writer_put(&w, path, block, sizeof block, 0600))) _exit(4);
        }
        char line[4200];
        int n = snprintf(line, sizeof line, "%d %s", (int)w.pid, dir);
        if (write(report[1], line, (size_t)n + 1) < 0) _exit(5);
        raise(SIGTERM);
        _exit(6);
    }
    close(report[1]);
    char line[4200] = "";
    ssize_t n = read(report[0], line, sizeof line - 1);
    close(report[0]);
    int status = 0;
    CHECK(waitpid(child, &status, 0) == child && WIFSIGNALED(status));
    int helper = 0;
    char dir[4096] = "";
    CHECK(n > 0 && sscanf(line, "%d %4095s", &helper, dir) == 2);
    CHECK(dir[0] && access(dir, F_OK) != 0);
    CHECK(helper > 0 && kill(helper, 0) != 0 && errno == ESRCH);
}

int main(void)
{
    CHECK(mg_test_scratch("file-writer", scratch, sizeof scratch));
    setenv("TMPDIR", scratch, 1);
    check_writes();
    check_failure_named();
    check_interrupted();
    mg_test_scratch_remove(scratch);
    TEST_END();
}
