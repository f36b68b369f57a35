/* The harness's own rate: n copies of one case through the worker pool the matrix uses, timed
 * from the first fork to the last verdict (case setup, isolation, verdict and round trip). */
#include "bench_measure.h"

#include "outcome.h"
#include "seconds.h"

#include <stdlib.h>
#include <sys/resource.h>

double mg_bench_now(void) { return mg_monotonic_seconds(); }

static MG_RESULT check_all_ok(const mg_case *proto, const mg_case_outcome *outcomes, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        if (outcomes[i].verdict.kind == MG_VERDICT_OK && !outcomes[i].skipped) continue;
        char verdict[128] = "skip";
        if (!outcomes[i].skipped) mg_verdict_format(outcomes[i].verdict, verdict, sizeof verdict);
        return mg_fail(MG_E_INTERNAL, "%s gave %s, not ok, in run %u of %u: %s", proto->id,
                       verdict, i + 1, n, outcomes[i].reason_text);
    }
    return MG_OK;
}

/* CPU seconds of the children reaped so far: the workers count once mg_run_cases has
 * waited for them. */
static double children_cpu(void)
{
    struct rusage u;
    if (getrusage(RUSAGE_CHILDREN, &u) != 0) return 0;
    return (double)(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           (double)(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

mg_result mg_bench_harness_run(const mg_case *proto, unsigned n, unsigned jobs,
                               mg_bench_rate *rate)
{
    *rate = (mg_bench_rate){0, 0};
    mg_case *cases = calloc(n, sizeof *cases);
    mg_case_outcome *outcomes = calloc(n, sizeof *outcomes);
    mg_result r = cases && outcomes ? MG_OK : mg_fail(MG_E_INTERNAL, "out of memory");
    for (unsigned i = 0; mg_ok(r) && i < n; i++) cases[i] = *proto;
    mg_runner_options options = {.jobs = jobs};
    double start = mg_bench_now(), cpu_start = children_cpu();
    if (mg_ok(r)) r = mg_run_cases(cases, n, &options, outcomes);
    double seconds = mg_bench_now() - start, cpu = children_cpu() - cpu_start;
    if (mg_ok(r)) r = check_all_ok(proto, outcomes, n);
    if (mg_ok(r)) *rate = (mg_bench_rate){seconds > 0 ? n / seconds : 0, cpu * 1e6 / n};
    free(cases);
    free(outcomes);
    return r;
}
