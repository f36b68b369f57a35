/* junit.xml: one testcase per case, classname = scenario, name = the rest of the case id. */
#include "atomic_file.h"
#include "report.h"

#include <string.h>

static void expected_text(const mg_scenario *s, char *buf, size_t len)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < s->expected_count && n < len; i++) {
        char v[64];
        mg_verdict_format(s->expected[i], v, sizeof v);
        n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? " or " : "", v);
    }
}

static void write_case(FILE *out, const mg_report_row *r)
{
    const char *name = strchr(r->id, '/');
    fputs("    <testcase classname=\"", out);
    mg_write_escaped(out, r->scenario->id);
    fputs("\" name=\"", out);
    mg_write_escaped(out, name ? name + 1 : r->id);
    fprintf(out, "\" time=\"%.4f\">\n", r->ms / 1e3);
    char expected[512];
    expected_text(r->scenario, expected, sizeof expected);
    if (r->grade == MG_GRADE_FAIL || r->grade == MG_GRADE_XPASS) {
        fprintf(out, "      <failure type=\"%s\" message=\"", mg_grade_name(r->grade));
        fprintf(out, "expected %s, got %s", expected, r->verdict);
        fputs(r->grade == MG_GRADE_XPASS ? " (a recorded divergence no longer happens: remove it)"
                                         : "",
              out);
        fputs("\">", out);
        mg_write_escaped(out, r->reason_text);
        fputs("</failure>\n", out);
    } else if (r->grade == MG_GRADE_SKIP) {
        fputs("      <skipped message=\"", out);
        mg_write_escaped(out, r->reason_text);
        fputs("\"/>\n", out);
    } else {
        fprintf(out, "      <system-out>%s: expected %s, got %s. ", mg_grade_name(r->grade),
                expected, r->verdict);
        mg_write_escaped(out, r->reason_text);
        fputs("</system-out>\n", out);
    }
    fputs("    </testcase>\n", out);
}

mg_result mg_write_junit(const mg_report *report, const char *path)
{
    mg_atomic_file f;
    MG_GUARD(mg_atomic_open(&f, path));
    const size_t *g = report->grade_counts;
    fprintf(f.file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    fprintf(f.file,
            "  <testsuite name=\"mtlsgrid\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
            "skipped=\"%zu\" time=\"%.3f\">\n",
            report->count, g[MG_GRADE_FAIL] + g[MG_GRADE_XPASS], g[MG_GRADE_SKIP],
            report->wall_seconds);
    for (size_t i = 0; i < report->count; i++) write_case(f.file, &report->rows[i]);
    fputs("  </testsuite>\n</testsuites>\n", f.file);
    return mg_atomic_commit(&f);
}
