/* results.csv: one line per case for spreadsheets, quoted as RFC 4180 says (every field in
 * double quotes, a quote doubled), so reason texts with commas stay one field. */
#include "atomic_file.h"
#include "report.h"
#include "report_text.h"

static void write_field(FILE *out, const char *text, bool last)
{
    fputc('"', out);
    for (const char *p = text ? text : ""; *p; p++) {
        if (*p == '"') fputc('"', out);
        fputc(*p, out);
    }
    fputs(last ? "\"\r\n" : "\",", out);
}

mg_result mg_write_csv(const mg_report *report, const char *path)
{
    mg_atomic_file f;
    MG_GUARD(mg_atomic_open(&f, path));
    fputs("case,scenario,client,server,tls,policy,expected,verdict,grade,divergence,ms,"
          "reason_text\r\n", f.file);
    for (size_t i = 0; i < report->count; i++) {
        const mg_report_row *r = &report->rows[i];
        char expected[512], ms[32];
        mg_expected_text(r->scenario, " or ", "", expected, sizeof expected);
        snprintf(ms, sizeof ms, "%.3f", r->ms);
        const char *fields[] = {r->id, r->scenario->id, r->client, r->server, r->tls,
                                r->policy, expected, r->verdict, mg_grade_name(r->grade),
                                r->divergence ? r->divergence->id : "", ms, r->reason_text};
        size_t n = sizeof fields / sizeof fields[0];
        for (size_t k = 0; k < n; k++) write_field(f.file, fields[k], k + 1 == n);
    }
    return mg_atomic_commit(&f);
}
