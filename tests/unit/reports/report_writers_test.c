/* The writers on made-up reports that a real run rarely gives: summary.md stays under GitHub's
 * 1 MiB job-summary limit however many distinct failures there are, and says how many it left
 * out; JUnit gives a crash an <error>, a wrong verdict a <failure>, an xfail a typed skip;
 * index.html is the same byte for byte whether its rows come encoded (as run encodes them when
 * each case ends) or not; the formats written side by side all land, and a failure of one
 * comes back naming its file. */
#include "mg_test.h"
#include "report.h"
#include "row_json.h"

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

/* Rows whose texts have slashes (ids, paths) and a "</script>" that must not end the block. */
static void fill_html_rows(mg_report_row *rows, mg_scenario *s, size_t n)
{
    static char ids[8][64];
    for (size_t i = 0; i < n; i++) {
        snprintf(ids[i], sizeof ids[i], "baseline/a-b/tls1.%zu/strict", i % 2 + 2);
        rows[i] = (mg_report_row){.id = ids[i], .scenario = s, .client = "a", .server = "b",
                                  .tls = i % 2 ? "1.3" : "1.2", .policy = "strict",
                                  .verdict = "ok", .grade = MG_GRADE_PASS, .ms = 1.5 * (double)i};
        snprintf(rows[i].reason_text, sizeof rows[i].reason_text,
                 "read /tmp/m/%zu/chain.pem </script><b>", i);
    }
}

static void check_html_rows_as_encoded(const char *dir)
{
    mg_verdict expected = {MG_VERDICT_OK, MG_REASON_NONE};
    mg_scenario s = {.id = "baseline", .family = "f", .standard = "RFC 8446 4.4.2",
                     .expected = &expected, .expected_count = 1};
    mg_report_row rows[8];
    fill_html_rows(rows, &s, 8);
    mg_report report = {.rows = rows, .count = 8, .grade_counts = {8}, .stack_versions = "a 1"};
    char plain[4200], spliced[4200];
    snprintf(plain, sizeof plain, "%s/plain.html", dir);
    snprintf(spliced, sizeof spliced, "%s/spliced.html", dir);
    CHECK(mg_ok(mg_write_html(&report, plain)));
    char *texts[8];
    for (int i = 0; i < 8; i++) texts[i] = mg_row_json_text(&rows[i]);
    report.row_texts = texts;
    CHECK(mg_ok(mg_write_html(&report, spliced)));
    for (int i = 0; i < 8; i++) free(texts[i]);
    long a_size = 0, b_size = 0;
    char *a = read_all(plain, &a_size), *b = read_all(spliced, &b_size);
    CHECK(a && b && a_size == b_size && memcmp(a, b, (size_t)a_size) == 0);
    CHECK(a && strstr(a, "<\\/script>") && !strstr(a, "m/0/chain.pem </script>"));
    free(a);
    free(b);
    unlink(plain);
    unlink(spliced);
}

static bool exists(const char *dir, const char *file)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    return access(path, F_OK) == 0;
}

static void check_side_by_side(const char *dir)
{
    mg_verdict expected = {MG_VERDICT_OK, MG_REASON_NONE};
    mg_scenario s = {.id = "baseline", .family = "f", .standard = "s", .expected = &expected,
                     .expected_count = 1};
    mg_report_row rows[8];
    fill_html_rows(rows, &s, 8);
    mg_report report = {.rows = rows, .count = 8, .grade_counts = {8}, .stack_versions = "a 1"};
    const char *files[] = {"results.jsonl", "junit.xml", "summary.md", "index.html", "results.csv"};
    CHECK(mg_ok(mg_report_write(&report, dir, "json,junit,md,html,csv")));
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) CHECK(exists(dir, files[i]));
    /* junit.xml cannot be put in place (a folder holds its name): the others still land,
     * and the failure that comes back is junit's */
    char blocked[4200];
    snprintf(blocked, sizeof blocked, "%s/junit.xml", dir);
    CHECK(unlink(blocked) == 0 && mkdir(blocked, 0700) == 0);
    snprintf(blocked, sizeof blocked, "%s/junit.xml/keep", dir);
    FILE *keep = fopen(blocked, "w");
    CHECK(keep && fclose(keep) == 0);
    mg_result r = mg_report_write(&report, dir, "json,junit,md,html,csv");
    CHECK(!mg_ok(r) && strstr(mg_error_message(), "junit.xml"));
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        if (i != 1) CHECK(exists(dir, files[i]) && unlink(path) == 0);
    }
    unlink(blocked);
    snprintf(blocked, sizeof blocked, "%s/junit.xml", dir);
    rmdir(blocked);
}

int main(void)
{
    char dir[] = "/tmp/mg-report-writers-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    check_summary_cap(dir);
    check_junit_elements(dir);
    check_html_rows_as_encoded(dir);
    check_side_by_side(dir);
    char path[4200];
    snprintf(path, sizeof path, "%s/summary.md", dir);
    unlink(path);
    snprintf(path, sizeof path, "%s/junit.xml", dir);
    unlink(path);
    rmdir(dir);
    TEST_END();
}
