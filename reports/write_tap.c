/* results.tap: TAP version 13, for harnesses in the OpenSSL/Perl tradition (prove, Test::Harness).
 * A known divergence is "not ok ... # TODO", TAP's expected failure; a skip is "# SKIP"; a fail
 * or a stale record is a plain "not ok" with a YAML block saying what was expected. */
#include "atomic_file.h"
#include "report.h"
#include "report_text.h"

#include <string.h>

/* TAP directives and descriptions end at a '#' or a newline: keep them on one line. */
static void write_tap_text(FILE *out, const char *text)
{
    for (const char *p = text; *p; p++) fputc(*p == '#' ? ' ' : *p == '\n' ? ' ' : *p, out);
}

/* A YAML double-quoted scalar. */
static void write_yaml_string(FILE *out, const char *text)
{
    fputc('"', out);
    for (const char *p = text; *p; p++) {
        if (*p == '"' || *p == '\\') fputc('\\', out);
        if ((unsigned char)*p < 0x20) fputc(' ', out);
        else fputc(*p, out);
    }
    fputc('"', out);
}

static void write_case(FILE *out, size_t number, const mg_report_row *r)
{
    char text[1024];
    bool ok = r->grade == MG_GRADE_PASS || r->grade == MG_GRADE_SKIP;
    fprintf(out, "%sok %zu - %s", ok ? "" : "not ", number, r->id);
    if (r->grade == MG_GRADE_SKIP) {
        fputs(" # SKIP ", out);
        write_tap_text(out, r->reason_text);
    } else if (r->grade == MG_GRADE_XFAIL) {
        mg_row_divergence_message(r, text, sizeof text);
        fputs(" # TODO ", out);
        write_tap_text(out, text);
    }
    fputc('\n', out);
    if (r->grade != MG_GRADE_FAIL && r->grade != MG_GRADE_XPASS) return;
    mg_row_failure_message(r, text, sizeof text);
    fputs("  ---\n  message: ", out);
    write_yaml_string(out, text);
    fprintf(out, "\n  severity: %s\n  got: ", mg_grade_name(r->grade));
    write_yaml_string(out, r->verdict);
    fputs("\n  why: ", out);
    write_yaml_string(out, r->reason_text);
    fputs("\n  ...\n", out);
}

mg_result mg_write_tap(const mg_report *report, const char *path)
{
    mg_atomic_file f;
    MG_GUARD(mg_atomic_open(&f, path));
    fprintf(f.file, "TAP version 13\n1..%zu\n", report->count);
    if (report->run) fprintf(f.file, "# mtlsgrid %s (%s)\n", report->run->tool_version,
                             report->stack_versions ? report->stack_versions : "");
    for (size_t i = 0; i < report->count; i++) write_case(f.file, i + 1, &report->rows[i]);
    return mg_atomic_commit(&f);
}
