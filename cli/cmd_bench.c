/* mtlsgrid bench: the `baseline` scenario, n times per pairing through the worker pool the
 * matrix uses, against the stacks' own floor and against a process per case, in one run. */
#include "bench_report.h"
#include "bench_setup.h"
#include "command.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    const char *stack;
    const char *tls;
    unsigned jobs, n, process;
    int json;
    const char *floor;
    const char *certs;
    const char *matrix;
    const char *process_tools;
} bench_args;

#define BENCH_PROCESS_DEFAULT 20

static const cli_option bench_options[] = {
    {"stack", OPT_STRING, offsetof(bench_args, stack), "S|C-S|all",
     "pairings: all (default), one stack on both sides, or CLIENT-SERVER"},
    {"tls", OPT_STRING, offsetof(bench_args, tls), "1.2|1.3", "TLS version (default 1.3)"},
    {"jobs", OPT_UINT, offsetof(bench_args, jobs), "N", "worker processes (default 1)"},
    {"n", OPT_UINT, offsetof(bench_args, n), "N",
     "handshakes per pairing, and for the floor (default 500; -n is not accepted, use --n)"},
    {"json", OPT_FLAG, offsetof(bench_args, json), NULL, "one JSON object per pairing and line"},
    {"floor", OPT_STRING, offsetof(bench_args, floor), "PATH|none",
     "the stacks' own handshake program (default ../shared/bench/floor beside the repository)"},
    {"process", OPT_UINT, offsetof(bench_args, process), "N",
     "cases run as a stock server + client process pair each (default 20, at most n; 0: none)"},
    {"process-tools", OPT_STRING, offsetof(bench_args, process_tools), "S",
     "whose stock tools --process runs (default: the first stack whose tools can be timed)"},
    {"certs", OPT_STRING, offsetof(bench_args, certs), "baseline|floor",
     "the baseline scenario's credentials (default), or the floor's own certificates (its "
     "mkcerts.sh: the same work per handshake as the floor)"},
    {"matrix", OPT_STRING, offsetof(bench_args, matrix), "DIR",
     "use this generated (pinned) matrix instead of generating one"},
};

static void bench_defaults(void *raw)
{
    bench_args *a = raw;
    a->stack = "all";
    a->tls = "1.3";
    a->certs = "baseline";
    a->jobs = 1;
    a->n = 500;
    a->process = BENCH_PROCESS_DEFAULT;
}

static MG_RESULT check_args(const bench_args *a, mg_tls_version *tls, mg_bench_certs *certs)
{
    MG_ENSURE(!strcmp(a->certs, "baseline") || !strcmp(a->certs, "floor"), MG_E_USAGE,
              "bench: --certs expects baseline or floor, got \"%s\"", a->certs);
    *certs = !strcmp(a->certs, "floor") ? MG_BENCH_CERTS_FLOOR : MG_BENCH_CERTS_BASELINE;
    MG_ENSURE(!strcmp(a->tls, "1.2") || !strcmp(a->tls, "1.3"), MG_E_USAGE,
              "bench: --tls expects 1.2 or 1.3, got \"%s\"", a->tls);
    *tls = !strcmp(a->tls, "1.2") ? MG_TLS12 : MG_TLS13;
    MG_ENSURE(a->n > 0, MG_E_USAGE, "bench: --n must be at least 1");
    MG_ENSURE(a->jobs > 0 && a->jobs <= 64, MG_E_USAGE, "bench: --jobs must be 1 to 64");
    MG_ENSURE(!a->floor || !strcmp(a->floor, "none") || access(a->floor, X_OK) == 0, MG_E_USAGE,
              "bench: --floor: %s is not an executable program", a->floor);
    return MG_OK;
}

/* The references first, so that a broken floor or stock tool shows before the long part. */
static MG_RESULT measure_references(const bench_args *a, mg_tls_version tls, const char *floor,
                                    const mg_bench_tools *tools, const mg_bench_setup *s,
                                    mg_bench_report *report)
{
    if (floor && strcmp(floor, "none") != 0) {
        MG_GUARD(mg_bench_floor_run(floor, a->n, tls, &report->floor));
        report->floor_path = floor;
    } else if (!a->floor && !a->json) {
        printf("floor: not found beside the repository (--floor PATH); not compared\n");
    }
    report->process_count = a->process < a->n ? a->process : a->n;
    if (!report->process_count) return MG_OK;
    if (!tools->stack) {
        if (!a->json) printf("process per case: no stack's tools can be timed; not compared\n");
        return MG_OK;
    }
    report->process_server = tools->server_tool;
    report->process_client = tools->client_tool;
    const mg_case *c = &s->cases[0];
    return mg_bench_process_run(tools, c->client, c->server, report->process_count, s->dir,
                                &report->process_per_s);
}

static MG_RESULT bench(const bench_args *a)
{
    mg_tls_version tls = MG_TLS13;
    mg_bench_certs certs = MG_BENCH_CERTS_BASELINE;
    MG_GUARD(check_args(a, &tls, &certs));
    mg_bench_tools tools;
    MG_GUARD(mg_bench_tools_pick(a->process_tools, &tools));
    const char *floor = a->floor ? a->floor : mg_bench_default_floor();
    char buf[4096];
    const char *mkcerts;
    MG_GUARD(mg_bench_mkcerts_path(floor, buf, sizeof buf, &mkcerts));
    mg_bench_setup_options so = {a->stack, tls, certs, a->matrix, mkcerts};
    mg_bench_setup s;
    mg_result r = mg_bench_setup_make(&so, &s);
    mg_bench_report report = {.tls = a->tls, .jobs = a->jobs, .n = a->n, .json = a->json,
                              .certs = a->certs, .gen_seconds = s.gen_seconds};
    if (mg_ok(r)) r = measure_references(a, tls, floor, &tools, &s, &report);
    if (mg_ok(r)) mg_bench_print_header(&report);
    for (size_t i = 0; mg_ok(r) && i < s.count; i++) {
        mg_bench_rate rate;
        const mg_case *c = &s.cases[i];
        r = mg_bench_harness_run(c, a->n, a->jobs, &rate);
        if (mg_ok(r)) mg_bench_print_row(&report, c->client_stack->name, c->server_stack->name,
                                         &rate);
    }
    mg_bench_setup_free(&s);
    return r;
}

static int run_bench(void *raw, const cli_rest *rest)
{
    (void)rest;
    mg_result r = bench(raw);
    if (mg_ok(r)) return 0;
    fprintf(stderr, "mtlsgrid: bench: %s\n", mg_error_message());
    return mg_exit_code(r);
}

const cli_command mg_cmd_bench = {
    "bench", NULL,
    "Handshakes per second of the baseline scenario through the harness (case setup, worker "
    "isolation, verdict, round trip), compared in the same run with the stacks' own in-memory "
    "floor and with a stack's stock server + client tools, one process pair per case.",
    CLI_OPTIONS(bench_options), sizeof(bench_args), bench_defaults, 0, 0, run_bench,
};
