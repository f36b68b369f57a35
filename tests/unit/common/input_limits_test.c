/* Issue #22's input limits in common/: the capped read refuses a device and a FIFO nobody
 * writes to at once (instead of reading forever or hanging), still reads a pipe with data and
 * treats a read error as an error; a stack-opened file is refused unless regular and small; a
 * path that does not fit names its start and its whole length; --timeout values out of range
 * are refused; text that is not UTF-8 is made valid, not dropped. */
#include "mg_test.h"
#include "path_join.h"
#include "read_file.h"
#include "seconds.h"
#include "utf8_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/mg-input-limits-XXXXXX";

static const char *path_in(const char *name)
{
    static char path[256];
    if (!mg_ok(mg_path_join(path, sizeof path, dir, name))) return "";
    return path;
}

static void check_read_refusals(void)
{
    unsigned char *data = NULL;
    size_t len = 0;
    mg_result r = mg_read_file_capped("/dev/zero", 1 << 20, &data, &len);
    CHECK(!mg_ok(r) && r.kind == MG_E_IO && data == NULL);
    CHECK(strstr(mg_error_message(), "/dev/zero: it is a device"));

    CHECK(mkfifo(path_in("fifo"), 0600) == 0);
    r = mg_read_file_capped(path_in("fifo"), 1 << 20, &data, &len); /* hung before */
    CHECK(!mg_ok(r) && strstr(mg_error_message(), "fifo: the pipe gave no data"));
    CHECK(!mg_ok(mg_check_regular_file("--cert", path_in("fifo"), 1 << 20)));
    CHECK(strstr(mg_error_message(), "--cert ") && strstr(mg_error_message(), "a FIFO"));

    /* A pipe that has data is read: bash's <(...) keeps working. */
    int fds[2];
    CHECK(pipe(fds) == 0);
    CHECK(write(fds[1], "pem", 3) == 3);
    close(fds[1]);
    char fd_path[64];
    snprintf(fd_path, sizeof fd_path, "/proc/self/fd/%d", fds[0]);
    CHECK(mg_ok(mg_read_file_capped(fd_path, 16, &data, &len)) && len == 3);
    free(data);
    close(fds[0]);

    FILE *f = fopen(path_in("big"), "wb");
    CHECK(f && fseek(f, (32L << 20) - 1, SEEK_SET) == 0 && fputc(0, f) == 0 && fclose(f) == 0);
    r = mg_check_regular_file("--cert", path_in("big"), MG_READ_CAP_CREDENTIAL);
    CHECK(!mg_ok(r) && r.kind == MG_E_INPUT && strstr(mg_error_message(), "too large"));
    CHECK(mg_ok(mg_check_regular_file("--cert", path_in("big"), (size_t)64 << 20)));
}

static void check_path_too_long(void)
{
    char buf[16];
    mg_result r = mg_path_join(buf, sizeof buf, "0123456789", "abcdefgh");
    CHECK(!mg_ok(r) && r.kind == MG_E_INPUT);
    CHECK_STR(mg_error_message(), "path too long (19 bytes; at most 15): 0123456789/abcd");
    /* A path longer than the message can show: its start, its length, and the message whole. */
    static char name[8000];
    memset(name, 'n', sizeof name - 1);
    static char big[4096];
    r = mg_path_join(big, sizeof big, "/out", name);
    CHECK(!mg_ok(r) &&
          strstr(mg_error_message(), "path too long (8004 bytes; at most 4095): /out/nnn"));
    CHECK(strlen(mg_error_message()) < 300 && strstr(mg_error_message(), "nnn..."));
}

static void check_seconds(void)
{
    double v = 0;
    CHECK(mg_ok(mg_parse_seconds("serve: --timeout", "0.001", &v)) && v == 0.001);
    CHECK(mg_ok(mg_parse_seconds("serve: --timeout", "86400", &v)) && v == 86400);
    const char *refused[] = {"1e-7", "0.0009", "inf", "1e300", "86401", "nan", "-1", "0", "", "2x"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        mg_result r = mg_parse_seconds("serve: --timeout", refused[i], &v);
        CHECK(!mg_ok(r) && r.kind == MG_E_USAGE);
        CHECK(strncmp(mg_error_message(), "serve: --timeout", 16) == 0);
    }
    char text[32];
    mg_format_seconds(0.001, text, sizeof text);
    CHECK_STR(text, "0.001 s");
    mg_format_seconds(10, text, sizeof text);
    CHECK_STR(text, "10 s");
}

static void check_utf8(void)
{
    CHECK(mg_utf8_valid("plain") && mg_utf8_valid("caf\xc3\xa9") && mg_utf8_valid(""));
    CHECK(!mg_utf8_valid("bad\xff") && !mg_utf8_valid("\xc0\xaf"));
    CHECK(!mg_utf8_valid("\xed\xa0\x80")); /* a surrogate */
    CHECK(!mg_utf8_valid("cut\xe2\x82"));
    char *clean = mg_utf8_sanitized("a\xff" "b\xc3\xa9\xe2\x82");
    CHECK_STR(clean, "a\xef\xbf\xbd" "b\xc3\xa9\xef\xbf\xbd\xef\xbf\xbd");
    CHECK(clean && mg_utf8_valid(clean));
    free(clean);
}

int main(void)
{
    CHECK(mkdtemp(dir) != NULL);
    check_read_refusals();
    check_path_too_long();
    check_seconds();
    check_utf8();
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
    TEST_END();
}
