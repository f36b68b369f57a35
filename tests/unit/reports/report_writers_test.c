/* The writers on made-up reports that a real run rarely gives: summary.md stays under GitHub's
 * 1 MiB job-summary limit however many distinct failures there are, and says how many it left
 * out; JUnit gives a crash an <error>, a wrong verdict a <failure>, an xfail a typed skip. */
#include "mg_test.h"
#include "report.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char *read_all(const char *path, long *size)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    *size = ftell(f);
    rewind(f);
    char *text = calloc((size_t)*size + 1, 1);
    if (text && fread(text, 1, (size_t)*size, f) != (size_t)*size) text[0] = '\0';
    fclose(f);
    return text;
}

enum { MANY = 20000 };

static void check_summary_cap(const char *dir)
{
    static mg_scenario scenarios[MANY];
    static char ids[MANY][48], case_ids[MANY][96];
    mg_verdict expected = {MG_VERDICT_SERVER_REJECTS, MG_REASON_EXPIRED};
    mg_report_row *rows = calloc(MANY, sizeof *rows);
    CHECK(rows != NULL);
    if (!rows) return;
    mg_report report = {.rows = rows, .count = MANY, .stack_versions = "a 1, b 2"};
    for (size_t i = 0; i < MANY; i++) {
        snprintf(ids[i], sizeof ids[i], "scenario-%zu", i); /* every failure its own group */
        snprintf(case_ids[i], sizeof case_ids[i], "scenario-%zu/a-b/tls1.3/strict", i);
        scenarios[i] = (mg_scenario){.id = ids[i], .family = "f", .standard = "s",
                                     .expected = &expected, .expected_count = 1};
        rows[i] = (mg_report_row){.id = case_ids[i], .scenario = &scenarios[i], .client = "a",
                                  .server = "b", .tls = "1.3", .policy = "strict",
                                  .verdict = "ok", .grade = MG_GRADE_FAIL};
        memset(rows[i].reason_text, 'w', sizeof rows[i].reason_text - 1);
        report.grade_counts[MG_GRADE_FAIL]++;
    }
    char path[4200];
    snprintf(path, sizeof path, "%s/summary.md", dir);
    CHECK(mg_ok(mg_write_summary_md(&report, path)));
    long size = 0;
    char *text = read_all(path, &size);
    CHECK(text && size > 0 && size < (1L << 20));
    CHECK(text && strncmp(text, "# mtlsgrid: unexpected outcomes", 31) == 0);
    CHECK(text && strstr(text, " more in results.jsonl"));
    CHECK(text && strstr(text, "| scenario-0 | `server-rejects:expired` | `ok` |"));
    free(text);

    /* A small cap keeps the headline and counts and says what it held back. */
    CHECK(mg_ok(mg_write_summary_md_capped(&report, path, 4096)));
    text = read_all(path, &size);
    CHECK(text && size < 16384 && strstr(text, "| fail | 20000 |"));
    CHECK(text && strstr(text, " more in results.jsonl"));
    free(text);
    free(rows);
}

static void check_junit_elements(const char *dir)
{
    mg_verdict expected = {MG_VERDICT_OK, MG_REASON_NONE};
    mg_scenario s = {.id = "baseline", .family = "f", .standard = "s", .expected = &expected,
                     .expected_count = 1};
    mg_divergence d = {.id = "a-quirk", .stack = "a", .reason = "a does it its way",
                       .reference = "https://example.org/"};
    mg_report_row rows[4] = {
        {.id = "baseline/a-b/tls1.3/strict", .scenario = &s, .verdict = "crash",
         .grade = MG_GRADE_FAIL},
        {.id = "baseline/b-a/tls1.3/strict", .scenario = &s, .verdict = "protocol:other",
         .grade = MG_GRADE_FAIL},
        {.id = "baseline/a-a/tls1.3/strict", .scenario = &s, .verdict = "server-rejects:other",
         .grade = MG_GRADE_XFAIL, .divergence = &d},
        {.id = "baseline/b-b/tls1.3/strict", .scenario = &s, .grade = MG_GRADE_SKIP,
         .reason_text = "b cannot"},
    };
    for (int i = 0; i < 4; i++) rows[i].client = rows[i].server = "a", rows[i].tls = "1.3",
                                rows[i].policy = "strict";
    mg_report report = {.rows = rows, .count = 4, .grade_counts = {0, 2, 1, 0, 1}};
    char path[4200];
    snprintf(path, sizeof path, "%s/junit.xml", dir);
    CHECK(mg_ok(mg_write_junit(&report, path)));
    long size = 0;
    char *text = read_all(path, &size);
    CHECK(text && strstr(text, "<error type=\"crash\" message=\"expected ok, got crash\">"));
    CHECK(text &&
          strstr(text, "<failure type=\"fail\" message=\"expected ok, got protocol:other\">"));
    CHECK(text &&
          strstr(text, "<skipped type=\"xfail\" message=\"[a-quirk] a does it its way\"/>"));
    CHECK(text && strstr(text, "<skipped message=\"b cannot\"/>"));
    CHECK(text && strstr(text, "failures=\"1\" errors=\"1\" skipped=\"2\""));
    free(text);
}

int main(void)
{
    char dir[] = "/tmp/mg-report-writers-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    check_summary_cap(dir);
    check_junit_elements(dir);
    char path[4200];
    snprintf(path, sizeof path, "%s/summary.md", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/junit.xml", dir);
    unlink(path);
    rmdir(dir);
    TEST_END();
}
