/* mtlsgrid report: rebuilds one report from several runs' results (shards of one matrix, or
 * runs against other stack versions). The reading and checking is reports/results_merge. */
#include "command.h"
#include "compose.h"
#include "out_folder.h"
#include "report.h"
#include "results_merge.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *from; /* the first folder; the others follow it as positional arguments */
    const char *out;
    const char *formats;
    int force;
} report_args;

static const cli_option report_options[] = {
    {"from", OPT_STRING | OPT_REQUIRED, offsetof(report_args, from), "DIR...",
     "folders written by mtlsgrid run (results.jsonl and run.json)"},
    {"out", OPT_STRING | OPT_REQUIRED, offsetof(report_args, out), "DIR",
     "where the merged report goes"},
    {"format", OPT_STRING, offsetof(report_args, formats), "json,junit,md,html,tap,csv",
     "reports to write (default json,junit,md,html)"},
    MG_FORCE_OPTION_ROW(report_args),
};

/* Writing into an input would replace the results being read. */
static mg_result check_out_is_not_an_input(const char *out, const char *const *dirs, size_t n)
{
    char out_real[PATH_MAX];
    if (!realpath(out, out_real)) return MG_OK; /* made afresh: cannot be an input */
    for (size_t i = 0; i < n; i++) {
        char in_real[PATH_MAX];
        MG_ENSURE(!realpath(dirs[i], in_real) || strcmp(in_real, out_real) != 0, MG_E_USAGE,
                  "report: --out %s is one of the --from folders", out);
    }
    return MG_OK;
}

static mg_result merge_and_write(const report_args *a, const char *const *dirs, size_t n,
                                 int *exit_code)
{
    MG_ENSURE(a->from, MG_E_USAGE, "report: --from DIR... is required");
    MG_ENSURE(a->out, MG_E_USAGE, "report: --out DIR is required");
    MG_GUARD(check_out_is_not_an_input(a->out, dirs, n));
    mg_report report = {0};
    mg_run_info run = {0};
    mg_merged_results *merged = NULL;
    /* The inputs' start and end replace this process's: the report spans the runs. */
    mg_result r = mg_run_info_start(&run);
    if (mg_ok(r)) r = mg_results_merge(dirs, n, &report, &run, &merged);
    run.merged_from = dirs;
    report.run = &run;
    mg_out_dir out = {.lock_fd = -1};
    if (mg_ok(r)) r = cli_out_folder_open(&out, a->out, "report", a->force);
    if (mg_ok(r)) r = cli_out_folder_start_reports(&out, a->formats);
    if (mg_ok(r)) r = mg_report_write(&report, a->out, a->formats);
    mg_out_dir_close(&out);
    if (mg_ok(r)) {
        printf("merged %zu folders (%s)", n, report.stack_versions);
        mg_report_print_summary(&report, a->out);
        *exit_code = report.grade_counts[MG_GRADE_FAIL] || report.grade_counts[MG_GRADE_XPASS];
    }
    free(report.rows);
    mg_merged_results_free(merged);
    mg_run_info_free(&run);
    return r;
}

static int run_report(void *raw, const cli_rest *rest)
{
    report_args *a = raw;
    size_t n = a->from ? 1 + (size_t)rest->positional_count : 0;
    const char **dirs = calloc(n + 1, sizeof *dirs);
    int exit_code = 0;
    mg_result r = dirs ? MG_OK : mg_fail(MG_E_INTERNAL, "out of memory");
    if (mg_ok(r) && n) {
        dirs[0] = a->from;
        for (int i = 0; i < rest->positional_count; i++) dirs[i + 1] = rest->positional[i];
    }
    if (mg_ok(r)) r = merge_and_write(a, dirs, n, &exit_code);
    if (!mg_ok(r)) fprintf(stderr, "mtlsgrid: report: %s\n", mg_error_message());
    free(dirs);
    return mg_ok(r) ? exit_code : mg_exit_code(r);
}

const cli_command mg_cmd_report = {
    "report", NULL,
    "Merge several runs (the shards of one matrix, or runs against other versions of a stack "
    "side by side, named stack@version) into one report: results.jsonl, run.json, junit.xml, "
    "summary.md and index.html. Overlapping or inconsistent inputs are refused (exit 2). Exit "
    "0 when nothing is graded fail or xpass, 1 otherwise.",
    CLI_OPTIONS(report_options), sizeof(report_args), NULL, 0, 4096, run_report,
};
