/* junit.xml as CI tools read it (Jenkins, GitLab, dorny/test-reporter): one testcase per case,
 * classname = scenario, name = the rest of the case id. A known divergence is
 * <skipped type="xfail"> as pytest writes it, so it is neither a green pass nor a failure;
 * a crash or timeout is an <error>; a wrong verdict or a stale record a <failure>. The file
 * validates against Jenkins' junit-10.xsd (reports/schema/junit-10.xsd). */
#include "atomic_file.h"
#include "report.h"
#include "report_text.h"

#include <string.h>

static void write_attribute(FILE *out, const char *name, const char *value)
{
    fprintf(out, " %s=\"", name);
    mg_write_escaped(out, value ? value : "");
    fputc('"', out);
}

static void write_verdict_element(FILE *out, const mg_report_row *r)
{
    char message[1024];
    if (r->grade == MG_GRADE_FAIL || r->grade == MG_GRADE_XPASS) {
        const char *element = mg_row_is_error(r) ? "error" : "failure";
        mg_row_failure_message(r, message, sizeof message);
        fprintf(out, "      <%s", element);
        write_attribute(out, "type", mg_row_is_error(r) ? r->verdict : mg_grade_name(r->grade));
        write_attribute(out, "message", message);
        fputc('>', out);
        mg_write_escaped(out, r->reason_text);
        fprintf(out, "</%s>\n", element);
    } else if (r->grade == MG_GRADE_XFAIL) {
        mg_row_divergence_message(r, message, sizeof message);
        fputs("      <skipped type=\"xfail\"", out);
        write_attribute(out, "message", message);
        fputs("/>\n", out);
    } else if (r->grade == MG_GRADE_SKIP) {
        fputs("      <skipped", out);
        write_attribute(out, "message", r->reason_text);
        fputs("/>\n", out);
    }
}

static void write_case(FILE *out, const mg_report_row *r)
{
    const char *name = strchr(r->id, '/');
    fputs("    <testcase", out);
    write_attribute(out, "classname", r->scenario->id);
    write_attribute(out, "name", name ? name + 1 : r->id);
    fprintf(out, " time=\"%.4f\">\n", r->ms / 1e3);
    write_verdict_element(out, r);
    if (r->grade != MG_GRADE_SKIP) {
        /* The stack's own words, for the person who opens the case. */
        char expected[512];
        mg_expected_text(r->scenario, " or ", "", expected, sizeof expected);
        fprintf(out, "      <system-out>%s: expected %s, got %s. ", mg_grade_name(r->grade),
                expected, r->verdict);
        mg_write_escaped(out, r->reason_text);
        fputs("</system-out>\n", out);
    }
    fputs("    </testcase>\n", out);
}

static void write_property(FILE *out, const char *name, const char *value)
{
    fputs("      <property", out);
    write_attribute(out, "name", name);
    write_attribute(out, "value", value);
    fputs("/>\n", out);
}

static void write_properties(FILE *out, const mg_run_info *run)
{
    if (!run) return;
    fputs("    <properties>\n", out);
    write_property(out, "mtlsgrid.version", run->tool_version);
    for (size_t i = 0; i < run->stack_count; i++) {
        char name[128];
        snprintf(name, sizeof name, "stack.%s.version", run->stacks[i].name);
        write_property(out, name, run->stacks[i].version);
    }
    write_property(out, "seed", run->seed);
    write_property(out, "time_mode", run->time_mode);
    write_property(out, "started", run->started);
    write_property(out, "ended", run->ended);
    fputs("    </properties>\n", out);
}

mg_result mg_write_junit(const mg_report *report, const char *path)
{
    size_t errors = 0;
    for (size_t i = 0; i < report->count; i++) errors += mg_row_is_error(&report->rows[i]);
    const size_t *g = report->grade_counts;
    mg_atomic_file f;
    MG_GUARD(mg_atomic_open(&f, path));
    size_t failures = g[MG_GRADE_FAIL] + g[MG_GRADE_XPASS] - errors;
    fprintf(f.file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<testsuites name=\"mtlsgrid\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
                    "time=\"%.3f\">\n",
            report->count, failures, errors, report->wall_seconds);
    fprintf(f.file,
            "  <testsuite name=\"mtlsgrid\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
            "skipped=\"%zu\" time=\"%.3f\"",
            report->count, failures, errors, g[MG_GRADE_SKIP] + g[MG_GRADE_XFAIL],
            report->wall_seconds);
    if (report->run) {
        /* JUnit's timestamp is Ant's: local-less ISO 8601 without a zone; ours is UTC. */
        char stamp[32];
        snprintf(stamp, sizeof stamp, "%.19s", report->run->started);
        write_attribute(f.file, "timestamp", stamp);
        write_attribute(f.file, "hostname", report->run->hostname);
    }
    fputs(">\n", f.file);
    write_properties(f.file, report->run);
    for (size_t i = 0; i < report->count; i++) write_case(f.file, &report->rows[i]);
    fputs("  </testsuite>\n</testsuites>\n", f.file);
    return mg_atomic_commit(&f);
}
