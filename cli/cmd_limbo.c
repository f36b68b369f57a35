/* mtlsgrid limbo: x509-limbo testcases replayed as real mutual-TLS handshakes, every client x
 * server pairing and TLS version, answers written in limbo's result format per harness
 * (OUT/mtlsgrid-STACK-SIDE.json) beside the usual reports. See limbo/limbo_plan.h for how a
 * testcase becomes cases and limbo/limbo_results.h for how handshakes become answers. */
#include "registry.h"

#include "command.h"
#include "compose.h"
#include "limbo_report.h"
#include "limbo_server_cert.h"
#include "out_folder.h"
#include "path_join.h"
#include "seconds.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct {
    mg_limbo_options plan;
    unsigned jobs;
    double timeout;
    const char *out;
    int force;
} limbo_args;

static const cli_option limbo_options[] = {
    {"out", OPT_STRING, offsetof(limbo_args, out), "DIR",
     "result folder (default reports/out/limbo)"},
    {"filter", OPT_STRING, offsetof(limbo_args, plan.filter), "GLOB",
     "case ids to keep (comma-separated globs), e.g. 'rfc5280::*/*/tls1.3/*'"},
    {"stacks", OPT_STRING, offsetof(limbo_args, plan.stacks), "a,b",
     "stacks (default: every stack built in)"},
    {"tls", OPT_STRING, offsetof(limbo_args, plan.tls), "1.2,1.3", "TLS versions (default both)"},
    {"jobs", OPT_UINT, offsetof(limbo_args, jobs), "N", "worker processes (default: cores)"},
    {"timeout", OPT_DOUBLE, offsetof(limbo_args, timeout), "SECONDS",
     "a handshake still running after this is a HANG (default 10)"},
    MG_FORCE_OPTION_ROW(limbo_args),
};

static void limbo_defaults(void *raw) { ((limbo_args *)raw)->out = "reports/out/limbo"; }

typedef struct {
    mg_limbo_suite suite;
    mg_limbo_plan plan;
    mg_case_outcome *outcomes;
    mg_limbo_harness *harnesses;
    size_t harness_count;
    mg_limbo_report report;
    mg_out_dir out;
} limbo_run;

static MG_RESULT prepare(const limbo_args *a, const char *file, limbo_run *run)
{
    MG_GUARD(mg_limbo_suite_load(file, &run->suite));
    MG_GUARD(cli_out_folder_open(&run->out, a->out, "limbo", a->force));
    MG_GUARD(cli_out_folder_start_reports(&run->out, NULL));
    MG_GUARD(mg_out_dir_claim(&run->out, "work"));
    char work[4096], cert[4096], key[4096];
    MG_GUARD(mg_path_join(work, sizeof work, a->out, "work"));
    MG_GUARD(mg_make_dirs(work));
    MG_GUARD(mg_limbo_write_server_credential(work, cert, key, sizeof cert));
    MG_GUARD(mg_limbo_plan_build(&run->suite, &a->plan, work, cert, key, &run->plan));
    MG_ENSURE(run->plan.count > 0, MG_E_USAGE, "no case matches the filters given");
    size_t skipped = 0;
    for (size_t i = 0; i < run->plan.count; i++) skipped += run->plan.cases[i].skip_reason != NULL;
    printf("limbo: %s: %zu testcases, %zu handshakes to run, %zu skipped before running\n", file,
           run->suite.count, run->plan.count - skipped, skipped);
    fflush(stdout);
    return MG_OK;
}

static MG_RESULT report(const limbo_args *a, limbo_run *run, double seconds, int *exit_code)
{
    MG_GUARD(mg_limbo_judge(&run->plan, run->outcomes, &run->harnesses, &run->harness_count));
    for (size_t i = 0; i < run->harness_count; i++) {
        char name[512];
        MG_GUARD(mg_path_format(name, sizeof name, "%s.json", run->harnesses[i].name));
        MG_GUARD(mg_out_dir_claim(&run->out, name));
        MG_GUARD(mg_limbo_write_harness(&run->suite, &run->harnesses[i], a->out));
    }
    MG_GUARD(mg_limbo_report_build(&run->plan, run->outcomes, &run->report));
    char versions[256];
    MG_GUARD(mg_stack_versions_text(versions, sizeof versions));
    run->report.report.stack_versions = versions;
    run->report.report.wall_seconds = seconds;
    MG_GUARD(mg_report_write(&run->report.report, a->out, NULL));
    const size_t *g = run->report.report.grade_counts;
    printf("%zu handshakes in %.1f s: %zu agree with expected_result, %zu disagree, %zu skipped\n",
           run->plan.count, seconds, g[MG_GRADE_PASS], g[MG_GRADE_FAIL], g[MG_GRADE_SKIP]);
    mg_limbo_print_summary(&run->suite, run->harnesses, run->harness_count);
    printf("results: %s/mtlsgrid-*.json (limbo format), %s/results.jsonl, junit.xml, summary.md, "
           "index.html\n", a->out, a->out);
    *exit_code = g[MG_GRADE_FAIL] ? 1 : 0;
    return MG_OK;
}

typedef struct {
    const mg_limbo_plan *plan;
    mg_progress progress;
} limbo_progress;

static void case_ended(void *ctx, size_t index, const mg_case_outcome *outcome)
{
    limbo_progress *p = ctx;
    mg_progress_case(&p->progress, mg_limbo_case_grade(p->plan, index, outcome));
}

static MG_RESULT run_all(const limbo_args *a, const char *file, limbo_run *run, int *exit_code)
{
    double start = mg_monotonic_seconds();
    MG_GUARD(prepare(a, file, run));
    run->outcomes = calloc(run->plan.count, sizeof *run->outcomes);
    MG_ENSURE(run->outcomes, MG_E_INTERNAL, "out of memory");
    limbo_progress progress = {&run->plan, {0}};
    mg_progress_start(&progress.progress, stdout, run->plan.count);
    mg_runner_options ro = {a->jobs, a->timeout, case_ended, &progress};
    mg_result r = mg_run_cases(run->plan.cases, run->plan.count, &ro, run->outcomes);
    mg_progress_end(&progress.progress);
    MG_GUARD(r);
    return report(a, run, mg_monotonic_seconds() - start, exit_code);
}

static int run_limbo(void *raw, const cli_rest *rest)
{
    limbo_run run = {.out.lock_fd = -1};
    int exit_code = 0;
    mg_result r = run_all(raw, rest->positional[0], &run, &exit_code);
    if (!mg_ok(r)) fprintf(stderr, "mtlsgrid: limbo: %s\n", mg_error_message());
    mg_limbo_report_free(&run.report);
    mg_limbo_harnesses_free(run.harnesses, run.harness_count);
    free(run.outcomes);
    mg_limbo_plan_free(&run.plan);
    mg_limbo_suite_free(&run.suite);
    mg_out_dir_close(&run.out);
    return mg_ok(r) ? exit_code : mg_exit_code(r);
}

const cli_command mg_cmd_limbo = {
    "limbo", "FILE",
    "Replay x509-limbo testcases (limbo.json, version 1) as real mutual-TLS handshakes on every "
    "client x server pairing: SERVER testcases are judged by the client, CLIENT testcases by the "
    "server. Writes OUT/mtlsgrid-STACK-SIDE.json in limbo's result format and the usual "
    "reports; prints the agreement with expected_result per harness. Exit 0 when every "
    "handshake agrees (or is skipped), 1 otherwise.",
    CLI_OPTIONS(limbo_options), sizeof(limbo_args), limbo_defaults, 1, 1, run_limbo,
};
