/* The probe's reports: one row per case through the usual writers, each defect standing in as
 * a scenario of family "probe"; the grid and the plain-words audit on stdout, the audit also at
 * the top of summary.md. Graded here (any rejection passes a defect, whatever its reason). */
#include "probe_state.h"

#include "alert_names.h"
#include "atomic_file.h"
#include "path_join.h"
#include "read_file.h"
#include "registry.h"
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AUDIT_MAX 16384
#define MAX_DEFECTS 64

static MG_RESULT check_replaceable(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f && errno == ENOENT) return MG_OK;
    MG_ENSURE(f != NULL, MG_E_IO, "--crl-out %s: %s", path, strerror(errno));
    char head[32] = "";
    size_t n = fread(head, 1, sizeof head - 1, f);
    fclose(f);
    head[n] = '\0';
    MG_ENSURE(strncmp(head, "-----BEGIN X509 CRL-----", 24) == 0, MG_E_USAGE,
              "--crl-out %s: the file exists and is not a PEM CRL; it was left as it is", path);
    return MG_OK;
}

mg_result mg_probe_write_crl(const mg_probe_state *s)
{
    char from[4096];
    MG_GUARD(mg_path_join(from, sizeof from, s->dir, "crl.pem"));
    MG_GUARD(check_replaceable(s->o.crl_out));
    unsigned char *data = NULL;
    size_t len = 0;
    MG_GUARD(mg_read_file_capped(from, 1u << 20, &data, &len));
    mg_atomic_file f;
    mg_result r = mg_atomic_open(&f, s->o.crl_out);
    if (mg_ok(r)) {
        fwrite(data, 1, len, f.file);
        r = mg_atomic_commit(&f);
    }
    free(data);
    MG_GUARD(r);
    printf("probe: wrote the CRLs of this CA to %s: the gateway must load them (nginx: ssl_crl; "
           "Apache: SSLCARevocationFile; HAProxy: crl-file) and be reloaded before the revoked "
           "case can pass; the same CA always gives the same revoked certificate\n",
           s->o.crl_out);
    return MG_OK;
}

typedef struct {
    mg_scenario scenarios[MAX_DEFECTS];
    mg_verdict expected[MAX_DEFECTS][2];
    char scenario_ids[MAX_DEFECTS][80];
    mg_report report;
    char audit[AUDIT_MAX];
} probe_report;

static mg_grade grade_of(const mg_probe_case *c)
{
    switch (c->cls) {
    case MG_PROBE_NOT_RUN: return MG_GRADE_SKIP;
    case MG_PROBE_OUR_SIDE:
    case MG_PROBE_NO_ANSWER: return MG_GRADE_FAIL;
    default: break;
    }
    switch (c->defect->expect) {
    case MG_PROBE_MUST_REJECT: return mg_probe_class_rejected(c->cls) ? MG_GRADE_PASS
                                                                      : MG_GRADE_FAIL;
    case MG_PROBE_MUST_ACCEPT: return c->cls == MG_PROBE_ACCEPTED ? MG_GRADE_PASS : MG_GRADE_FAIL;
    case MG_PROBE_EITHER: return MG_GRADE_PASS;
    }
    return MG_GRADE_FAIL;
}

static void fill_scenario(const mg_probe_defect *d, size_t k, probe_report *p)
{
    static char family[] = "probe", must_reject[] = "the gateway must refuse it",
                must_accept[] = "the gateway must accept it",
                either[] = "the standards allow either outcome";
    mg_scenario *s = &p->scenarios[k];
    snprintf(p->scenario_ids[k], sizeof p->scenario_ids[k], "probe-%s", d->id);
    s->id = p->scenario_ids[k];
    s->family = family;
    s->summary = (char *)d->summary;
    mg_reason reason = MG_REASON_OTHER;
    (void)mg_reason_parse(d->reason, &reason);
    mg_verdict ok = {MG_VERDICT_OK, MG_REASON_NONE}, rejects = {MG_VERDICT_SERVER_REJECTS, reason};
    s->standard = d->expect == MG_PROBE_MUST_REJECT   ? must_reject
                  : d->expect == MG_PROBE_MUST_ACCEPT ? must_accept
                                                      : either;
    p->expected[k][0] = d->expect == MG_PROBE_MUST_ACCEPT ? ok : rejects;
    p->expected[k][1] = ok;
    s->expected = p->expected[k];
    s->expected_count = d->expect == MG_PROBE_EITHER ? 2 : 1;
}

/* The audit: one line per defect the gateway got wrong, with the TLS versions, then the cases
 * it passed to the application. */
static void audit(const mg_probe_state *s, probe_report *p)
{
    size_t n = 0;
    char *a = p->audit;
    n += (size_t)snprintf(a + n, AUDIT_MAX - n, "## Audit of %s\n\n", s->o.url);
    size_t findings = 0;
    for (size_t d = 0; d < mg_probe_defect_count; d++) {
        char versions[32] = "";
        size_t vn = 0;
        for (size_t i = 0; i < s->count; i++) {
            const mg_probe_case *c = &s->cases[i];
            if (c->defect != &mg_probe_defects[d] || p->report.rows[i].grade != MG_GRADE_FAIL ||
                c->cls == MG_PROBE_PASSED || !c->defect->finding)
                continue;
            vn += (size_t)snprintf(versions + vn, sizeof versions - vn, "%sTLS %s",
                                   vn ? ", " : "", mg_tls_name(c->tls));
        }
        if (!vn || n >= AUDIT_MAX) continue;
        findings++;
        n += (size_t)snprintf(a + n, AUDIT_MAX - n, "- %s (%s)\n", mg_probe_defects[d].finding,
                              versions);
    }
    size_t passed = 0;
    for (size_t i = 0; i < s->count && n < AUDIT_MAX; i++) {
        const mg_probe_case *c = &s->cases[i];
        if (c->cls != MG_PROBE_PASSED || mg_probe_is_control(c)) continue;
        if (!passed++)
            n += (size_t)snprintf(a + n, AUDIT_MAX - n,
                                  "- passed to the application (the gateway let the connection "
                                  "through; the answer was not an --accept-status/--accept-body "
                                  "one): verification is optional, the application must check "
                                  "it (nginx: $ssl_client_verify; Apache: SSL_CLIENT_VERIFY; "
                                  "HAProxy: ssl_c_verify):");
        if (n < AUDIT_MAX)
            n += (size_t)snprintf(a + n, AUDIT_MAX - n, " %s/tls%s", c->defect->id,
                                  mg_tls_name(c->tls));
    }
    if (passed && n < AUDIT_MAX) n += (size_t)snprintf(a + n, AUDIT_MAX - n, "\n");
    if (!findings && !passed && n < AUDIT_MAX)
        snprintf(a + n, AUDIT_MAX - n, "- every defect was refused and the controls passed\n");
}

static void cell_text(const mg_probe_case *c, char *buf, size_t cap)
{
    char alert[48];
    int got = c->tcp.side.alert_received;
    switch (c->cls) {
    case MG_PROBE_REJECTED_TLS:
        snprintf(buf, cap, "rejected: %s",
                 got != MG_NO_ALERT ? mg_alert_short_name(got, alert, sizeof alert)
                                    : "closed/reset");
        return;
    case MG_PROBE_REJECTED_HTTP: snprintf(buf, cap, "rejected: HTTP %d", c->tcp.http_status);
        return;
    case MG_PROBE_ACCEPTED:
        snprintf(buf, cap, "ACCEPTED%s", c->tcp.http_status ? "" : " (no HTTP)");
        if (c->tcp.http_status) snprintf(buf, cap, "ACCEPTED: HTTP %d", c->tcp.http_status);
        return;
    case MG_PROBE_PASSED: snprintf(buf, cap, "PASSED: HTTP %d", c->tcp.http_status); return;
    default: snprintf(buf, cap, "%s", mg_probe_class_name(c->cls)); return;
    }
}

static void print_grid(const mg_probe_state *s, const probe_report *p)
{
    printf("\n%-24s", "defect");
    for (size_t t = 0; t < s->tls_count; t++) printf("  %-34s", s->tls[t] == MG_TLS12 ? "TLS 1.2"
                                                                                      : "TLS 1.3");
    printf("\n");
    for (size_t i = 0; i < s->count; i += s->tls_count) {
        printf("%-24s", s->cases[i].defect->id);
        for (size_t t = 0; t < s->tls_count; t++) {
            char cell[64];
            cell_text(&s->cases[i + t], cell, sizeof cell);
            bool bad = p->report.rows[i + t].grade == MG_GRADE_FAIL;
            printf("  %s%-33s", bad ? "!" : " ", cell);
        }
        printf("\n");
    }
    printf("\n%s", p->audit);
}

static void fill_row(const mg_probe_state *s, size_t i, probe_report *p, size_t scenario)
{
    const mg_probe_case *c = &s->cases[i];
    mg_report_row *row = &p->report.rows[i];
    *row = (mg_report_row){.id = (char *)c->id, .scenario = &p->scenarios[scenario],
                           .client = s->stack->name, .server = "gateway",
                           .tls = mg_tls_name(c->tls), .policy = "probe", .grade = grade_of(c),
                           .ms = c->ms, .client_side = c->tcp.side,
                           .client_version = s->stack->version()};
    mg_side_outcome_init(&row->server_side);
    if (c->cls != MG_PROBE_NOT_RUN) snprintf(row->verdict, sizeof row->verdict, "%s", c->verdict);
    snprintf(row->reason_text, sizeof row->reason_text, "%s (%s)", c->reason_text,
             c->defect->summary);
    p->report.grade_counts[row->grade]++;
}

static MG_RESULT write_reports(const mg_probe_state *s, probe_report *p)
{
    char versions[256];
    MG_GUARD(mg_stack_versions_text(versions, sizeof versions));
    mg_run_info run = {.tool_version = s->o.tool_version, .seed = "derived from --ca-key",
                       .time_mode = "now"};
    for (size_t i = 0; i < mg_stack_count && i < MG_REPORT_STACK_MAX; i++)
        run.stacks[run.stack_count++] =
            (mg_stack_version){mg_stacks[i]->name, mg_stacks[i]->version()};
    MG_GUARD(mg_run_info_start(&run));
    p->report.stack_versions = versions;
    p->report.run = &run;
    p->report.wall_seconds = s->wall_seconds;
    p->report.preface = p->audit;
    mg_result r = mg_run_info_end(&run);
    if (mg_ok(r)) r = mg_report_write(&p->report, s->o.out, s->o.formats);
    if (mg_ok(r)) mg_report_print_summary(&p->report, s->o.out);
    mg_run_info_free(&run);
    return r;
}

mg_result mg_probe_report(const mg_probe_state *s, int *exit_code)
{
    MG_ENSURE(mg_probe_defect_count <= MAX_DEFECTS, MG_E_INTERNAL, "too many defects");
    probe_report *p = calloc(1, sizeof *p);
    MG_ENSURE(p != NULL, MG_E_INTERNAL, "out of memory");
    p->report.rows = calloc(s->count ? s->count : 1, sizeof *p->report.rows);
    p->report.count = s->count;
    mg_result r = p->report.rows ? MG_OK : mg_fail(MG_E_INTERNAL, "out of memory");
    for (size_t d = 0; mg_ok(r) && d < mg_probe_defect_count; d++) {
        fill_scenario(&mg_probe_defects[d], d, p);
        for (size_t i = 0; i < s->count; i++)
            if (s->cases[i].defect == &mg_probe_defects[d]) fill_row(s, i, p, d);
    }
    if (mg_ok(r)) {
        audit(s, p);
        print_grid(s, p);
        r = write_reports(s, p);
        *exit_code = p->report.grade_counts[MG_GRADE_FAIL] ? 1 : 0;
    }
    free(p->report.rows);
    free(p);
    return r;
}
