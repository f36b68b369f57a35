/* mtlsgrid run: generate (or take) a matrix, run the cases, grade them, write the reports. */
#include "registry.h"

#include "case_options.h"
#include "compose.h"
#include "out_folder.h"
#include "path_join.h"
#include "report.h"
#include "row_json.h"
#include "seconds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    mg_plan_options plan;
    unsigned jobs;
    double timeout;
    const char *out;
    const char *formats;
    const char *matrix;
    const char *seed;
    const char *baseline;
    int force;
} run_args;

static const cli_option run_options[] = {
    MG_CASE_OPTION_ROWS(run_args),
    {"jobs", OPT_UINT, offsetof(run_args, jobs), "N", "worker processes (default: cores)"},
    {"timeout", OPT_DOUBLE, offsetof(run_args, timeout), "SECONDS",
     "a case still running after this is a timeout (default 10)"},
    {"out", OPT_STRING, offsetof(run_args, out), "DIR", "report folder (default reports/out)"},
    {"format", OPT_STRING, offsetof(run_args, formats), "json,junit,md,html,tap,csv",
     "reports to write (default json,junit,md,html)"},
    {"matrix", OPT_STRING, offsetof(run_args, matrix), "DIR",
     "use this generated matrix instead of generating one into OUT/matrix"},
    {"seed", OPT_STRING, offsetof(run_args, seed), "S", "generator seed (default: built in)"},
    {"baseline", OPT_STRING, offsetof(run_args, baseline), "FILE",
     "an earlier results.jsonl: list the cases whose verdict changed"},
    MG_FORCE_OPTION_ROW(run_args),
};

static void run_defaults(void *raw)
{
    run_args *a = raw;
    mg_plan_options_defaults(&a->plan);
    a->out = "reports/out";
}

/* The run's metadata for run.json and the JUnit properties: every linked stack and its
 * version from the registry; the seed and time mode are the matrix's (set once resolved). */
static MG_RESULT start_run_info(mg_run_info *run)
{
    *run = (mg_run_info){.tool_version = MG_VERSION};
    for (size_t i = 0; i < mg_stack_count && i < MG_REPORT_STACK_MAX; i++)
        run->stacks[run->stack_count++] =
            (mg_stack_version){mg_stacks[i]->name, mg_stacks[i]->version()};
    return mg_run_info_start(run);
}

/* Each case is graded, and its row encoded for the reports that embed it, as it ends: the
 * parent does it while the workers run on, so that after the last case only the files are
 * left to write. */
typedef struct {
    const mg_plan *plan;
    mg_report *report;
    char **row_texts; /* NULL: the report writers encode the rows */
    mg_progress progress;
} run_progress;

static void case_ended(void *ctx, size_t index, const mg_case_outcome *outcome)
{
    run_progress *p = ctx;
    mg_plan_grade_case(p->plan, index, outcome, p->report);
    if (p->row_texts) p->row_texts[index] = mg_row_json_text(&p->report->rows[index]);
    mg_progress_case(&p->progress, p->report->rows[index].grade);
}

/* The rows' texts, once every one was made (one left out, for want of memory: none). */
static char **take_row_texts(char **texts, size_t count)
{
    for (size_t i = 0; texts && i < count; i++) {
        if (texts[i]) continue;
        mg_row_json_texts_free(texts, count);
        return NULL;
    }
    return texts;
}

/* Locked for the run's lifetime; the previous run's reports deleted before anything else
 * (an interrupted run leaves no report rather than an old one beside the new matrix), and the
 * hidden folders of an interrupted generation cleared. */
static MG_RESULT start_out_folder(const run_args *a, mg_out_dir *out)
{
    MG_GUARD(cli_out_folder_open(out, a->out, "run", a->force));
    MG_GUARD(cli_out_folder_start_reports(out, a->formats));
    MG_GUARD(mg_out_dir_claim(out, "work"));
    if (a->matrix) return MG_OK;
    char matrix[4096];
    MG_GUARD(mg_path_join(matrix, sizeof matrix, a->out, "matrix"));
    MG_GUARD(mg_gen_clear_leftovers(matrix));
    return mg_out_dir_claim(out, "matrix");
}

static MG_RESULT run_all(run_args *a, mg_plan *plan, mg_out_dir *out, int *exit_code)
{
    MG_GUARD(mg_report_check_formats(a->formats));
    MG_GUARD(mg_plan_enumerate(&a->plan, plan));
    MG_ENSURE(plan->count > 0, MG_E_USAGE, "no case matches the filters given");
    /* On stderr: stdout's first line is the matrix's, which scripts wait for. */
    (void)mg_plan_divergences_off_version(&plan->scenarios, stderr);
    MG_GUARD(start_out_folder(a, out));
    double start = mg_monotonic_seconds();
    mg_run_info run;
    MG_GUARD(start_run_info(&run));
    mg_plan_matrix_options mo = {a->matrix, a->seed, MG_TIME_PINNED};
    mg_plan_matrix m;
    mg_result r = mg_plan_prepare(plan, a->out, &mo, &m);
    if (!mg_ok(r)) {
        mg_run_info_free(&run);
        return r;
    }
    if (m.generated)
        printf("matrix: %u artifacts in %.2f s (%s)\n", m.stats.artifacts, m.stats.seconds,
               m.matrix);
    run.seed = plan->manifest.seed, run.time_mode = plan->manifest.time_mode;

    mg_case_outcome *outcomes = calloc(plan->count, sizeof *outcomes);
    mg_report report = {.rows = calloc(plan->count, sizeof(mg_report_row)), .count = plan->count,
                        .run = &run};
    r = outcomes && report.rows ? MG_OK : mg_fail(MG_E_INTERNAL, "out of memory");
    char **texts = mg_report_embeds_rows(a->formats) ? calloc(plan->count, sizeof *texts) : NULL;
    run_progress progress = {plan, &report, texts, {0}};
    mg_progress_start(&progress.progress, stdout, plan->count);
    mg_runner_options ro = {a->jobs, a->timeout, case_ended, &progress};
    if (mg_ok(r)) r = mg_run_cases(plan->cases, plan->count, &ro, outcomes);
    mg_progress_end(&progress.progress);
    texts = take_row_texts(texts, plan->count);
    report.row_texts = texts;
    char versions[256];
    if (mg_ok(r)) r = mg_stack_versions_text(versions, sizeof versions);
    report.stack_versions = versions;
    if (mg_ok(r)) {
        r = mg_plan_find_unused_divergences(plan, &report);
        report.wall_seconds = mg_monotonic_seconds() - start;
        if (mg_ok(r)) r = mg_run_info_end(&run);
        if (mg_ok(r) && a->baseline) r = mg_report_compare_baseline(&report, a->baseline);
        if (mg_ok(r)) r = mg_report_write(&report, a->out, a->formats);
    }
    if (mg_ok(r)) {
        mg_report_print_summary(&report, a->out);
        *exit_code = report.grade_counts[MG_GRADE_FAIL] || report.grade_counts[MG_GRADE_XPASS];
    }
    mg_row_json_texts_free(texts, plan->count);
    free(outcomes);
    free(report.rows);
    free(report.unused);
    mg_report_free_changes(&report);
    mg_run_info_free(&run);
    return r;
}

static int run_run(void *raw, const cli_rest *rest)
{
    (void)rest;
    mg_plan plan = {0};
    mg_out_dir out = {.lock_fd = -1};
    int exit_code = 0;
    mg_result r = run_all(raw, &plan, &out, &exit_code);
    if (!mg_ok(r)) fprintf(stderr, "mtlsgrid: run: %s\n", mg_error_message());
    mg_out_dir_close(&out);
    mg_plan_free(&plan);
    return mg_ok(r) ? exit_code : mg_exit_code(r);
}

const cli_command mg_cmd_run = {
    "run", NULL,
    "Run the cases as real mutual-TLS handshakes, grade them against the scenarios' expectations "
    "and write the reports. Exit 0 when nothing is graded fail or xpass, 1 otherwise.",
    CLI_OPTIONS(run_options), sizeof(run_args), run_defaults, 0, 0, run_run,
};
