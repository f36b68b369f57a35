/* The output-folder guard: an empty or new folder is ours from the start, a folder of the
 * user's is refused unless forced (and then nothing of the user's is deleted), a folder
 * others can write is refused unless sticky, so is one under a parent of another user's or
 * one others can write (unless sticky: /tmp is fine), and a second holder is refused naming
 * the first one's PID. */
#include "mg_test.h"
#include "out_dir.h"
#include "path_join.h"
#include "test_matrix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch[4096];

static const char *in(const char *a, const char *b)
{
    static char path[4][4096];
    static int which;
    which = (which + 1) % 4;
    char sub[4096];
    if (!mg_ok(mg_path_join(sub, sizeof sub, scratch, a))) return "";
    if (!b) return strcpy(path[which], sub);
    if (!mg_ok(mg_path_join(path[which], sizeof path[which], sub, b))) return "";
    return path[which];
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f && fputs(text, f) >= 0 && fclose(f) == 0);
}

static const mg_out_dir_options plain = {"--out", "test", false};
static const mg_out_dir_options forced = {"--out", "test", true};

static void check_new_folder_is_ours(void)
{
    mg_out_dir d;
    CHECK(mg_ok(mg_out_dir_open(&d, in("new/deeper", NULL), &plain)));
    CHECK(access(in("new/deeper", MG_OUT_DIR_MARKER), F_OK) == 0);
    CHECK(mg_ok(mg_out_dir_claim(&d, "summary.md")));
    write_text(in("new/deeper", "summary.md"), "old report\n");
    /* a second holder while the first is open: refused, naming the first one's PID */
    mg_out_dir second;
    mg_result r = mg_out_dir_open(&second, in("new/deeper", NULL), &plain);
    char pid[96];
    snprintf(pid, sizeof pid, "in use by process %ld (mtlsgrid test)", (long)getpid());
    CHECK(!mg_ok(r) && r.kind == MG_E_IO && strstr(mg_error_message(), pid));
    mg_out_dir_close(&d);
    /* reopened: the marker still lists what was written, and removing it works */
    CHECK(mg_ok(mg_out_dir_open(&d, in("new/deeper", NULL), &plain)));
    CHECK(mg_out_dir_lists(&d, "summary.md"));
    CHECK(mg_ok(mg_out_dir_remove(&d, "summary.md")));
    CHECK(access(in("new/deeper", "summary.md"), F_OK) != 0 && !mg_out_dir_lists(&d, "summary.md"));
    CHECK(!mg_ok(mg_out_dir_claim(&d, "../elsewhere")));
    mg_out_dir_close(&d);
}

static void check_user_folder(void)
{
    CHECK(mkdir(in("users", NULL), 0755) == 0);
    write_text(in("users", "crl.pem"), "mine\n");
    mg_out_dir d;
    mg_result r = mg_out_dir_open(&d, in("users", NULL), &plain);
    CHECK(!mg_ok(r) && strstr(mg_error_message(), "holds \"crl.pem\"") &&
          strstr(mg_error_message(), "--force"));
    CHECK(access(in("users", MG_OUT_DIR_LOCK), F_OK) != 0); /* refused: nothing left behind */
    CHECK(mg_ok(mg_out_dir_open(&d, in("users", NULL), &forced)));
    CHECK(mg_ok(mg_out_dir_remove(&d, "crl.pem"))); /* not ours: stays */
    CHECK(access(in("users", "crl.pem"), F_OK) == 0);
    mg_out_dir_close(&d);
    /* forced once, marked since: the user's file is still not listed as ours */
    CHECK(mg_ok(mg_out_dir_open(&d, in("users", NULL), &plain)));
    CHECK(!mg_out_dir_lists(&d, "crl.pem"));
    mg_out_dir_close(&d);
    /* a marker that names a path elsewhere is not believed */
    write_text(in("users", MG_OUT_DIR_MARKER), "header\n../users/crl.pem\n/etc/passwd\n");
    CHECK(mg_ok(mg_out_dir_open(&d, in("users", NULL), &plain)));
    CHECK(d.names.count == 0);
    mg_out_dir_close(&d);
}

static void check_unsafe_folders(void)
{
    CHECK(mkdir(in("open", NULL), 0755) == 0 && chmod(in("open", NULL), 0777) == 0);
    mg_result r = mg_out_dir_check_safe(in("open", NULL), "--out");
    CHECK(!mg_ok(r) && strstr(mg_error_message(), "others can write into the folder"));
    CHECK(chmod(in("open", NULL), 01777) == 0); /* sticky and ours, as /tmp is root's */
    CHECK(mg_ok(mg_out_dir_check_safe(in("open", NULL), "--out")));
    write_text(in("plain-file", NULL), "x");
    CHECK(!mg_ok(mg_out_dir_check_safe(in("plain-file", NULL), "--out")));
    CHECK(strstr(mg_error_message(), "not a folder"));
    CHECK(mg_ok(mg_out_dir_check_safe(in("absent", NULL), "--out")));
    if (geteuid() == 0) { /* a folder and a link of another user (as root can make them) */
        CHECK(mkdir(in("theirs", NULL), 0755) == 0 && chown(in("theirs", NULL), 65534, 65534) == 0);
        CHECK(!mg_ok(mg_out_dir_check_safe(in("theirs", NULL), "--out")));
        CHECK(strstr(mg_error_message(), "belongs to another user (uid 65534)"));
        CHECK(mkdir(in("mine", NULL), 0755) == 0);
        CHECK(symlink(in("mine", NULL), in("link", NULL)) == 0);
        CHECK(lchown(in("link", NULL), 65534, 65534) == 0);
        CHECK(!mg_ok(mg_out_dir_check_safe(in("link", NULL), "--out")));
        CHECK(strstr(mg_error_message(), "symbolic link owned by another user"));
    }
}

static void expect_refused(const char *path, const char *words, const char *parent)
{
    mg_result r = mg_out_dir_check_safe(path, "--out");
    const char *message = mg_ok(r) ? "(accepted)" : mg_error_message();
    if (!strstr(message, words) || !strstr(message, parent))
        fprintf(stderr, "%s: expected \"%s\" naming %s: %s\n", path, words, parent, message);
    CHECK(!mg_ok(r) && strstr(message, words) && strstr(message, parent));
}

/* Whoever owns or can write a folder above --out can swap --out for a folder of theirs. */
static void check_unsafe_parents(void)
{
    char open[4096], theirs[4096], link[4096]; /* in()'s own buffers are reused */
    snprintf(open, sizeof open, "%s", in("open-parent", NULL));
    CHECK(mkdir(open, 0755) == 0 && chmod(open, 0777) == 0);
    CHECK(mkdir(in("open-parent", "mine"), 0700) == 0);
    const char *words = "others can write into the folder";
    expect_refused(in("open-parent", "out"), words, open);         /* missing: made in it */
    expect_refused(in("open-parent", "a/b/out"), words, open);     /* missing, deeper */
    expect_refused(in("open-parent", "mine"), words, open);        /* ours, in theirs */
    char cwd[4096];
    CHECK(getcwd(cwd, sizeof cwd) && chdir(open) == 0);            /* a relative --out */
    expect_refused("out", words, open);
    CHECK(chdir(cwd) == 0);
    CHECK(chmod(open, 01777) == 0); /* sticky, as /tmp is */
    CHECK(mg_ok(mg_out_dir_check_safe(in("open-parent", "out"), "--out")));
    CHECK(mg_ok(mg_out_dir_check_safe(in("open-parent", "mine"), "--out")));
    char under_tmp[64];
    snprintf(under_tmp, sizeof under_tmp, "/tmp/mtlsgrid-out-dir-test-absent-%ld", (long)getpid());
    CHECK(mg_ok(mg_out_dir_check_safe(under_tmp, "--out")));
    if (geteuid() != 0) return;
    snprintf(theirs, sizeof theirs, "%s", in("their-parent", NULL)); /* another user's */
    CHECK(mkdir(theirs, 0755) == 0 && mkdir(in("their-parent", "mine"), 0700) == 0);
    CHECK(chown(theirs, 65534, 65534) == 0);
    expect_refused(in("their-parent", "out"), "belongs to another user (uid 65534)", theirs);
    expect_refused(in("their-parent", "mine"), "belongs to another user (uid 65534)", theirs);
    CHECK(mkdir(in("safe", NULL), 0700) == 0);
    snprintf(link, sizeof link, "%s", in("their-link", NULL)); /* theirs, to a folder of ours */
    CHECK(symlink(in("safe", NULL), link) == 0 && lchown(link, 65534, 65534) == 0);
    expect_refused(in("their-link", "out"), "symbolic link owned by another user", link);
}

int main(void)
{
    CHECK(mg_test_scratch("out-dir", scratch, sizeof scratch));
    check_new_folder_is_ours();
    check_user_folder();
    check_unsafe_folders();
    check_unsafe_parents();
    mg_test_scratch_remove(scratch);
    TEST_END();
}
