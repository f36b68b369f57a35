/* mtlsgrid bench: handshakes per second of the `baseline` scenario through the harness path the
 * matrix uses, beside two references measured in the same run: the stacks' own in-memory floor
 * (../shared/bench/floor) and the process-per-case way (a stack's stock server and client
 * tools, one pair of processes a case). */
#ifndef MG_BENCH_MEASURE_H
#define MG_BENCH_MEASURE_H

#include "registry.h"
#include "runner.h"

#include <stddef.h>

/* The floor's rates by stack name; a rate of 0 means the floor did not report that stack. */
typedef struct {
    char stacks[8][32];
    double per_s[8];
    size_t count;
} mg_bench_floor;

/* Parses the floor's output: one "<stack> tls<v> ... = <rate>/s ..." line per stack; other
 * lines are ignored. */
void mg_bench_floor_parse(const char *text, mg_bench_floor *out);
double mg_bench_floor_rate(const mg_bench_floor *floor, const char *stack);

/* Runs the floor program at `path` with N handshakes and the TLS version, and parses it. */
MG_RESULT mg_bench_floor_run(const char *path, unsigned n, mg_tls_version tls,
                             mg_bench_floor *out);

/* The floor beside this source tree (../shared/bench/floor from the repository root), or
 * NULL when there is none. */
const char *mg_bench_default_floor(void);

/* The floor's mkcerts.sh, beside the floor program `floor` (beside the default one when floor
 * is NULL or "none"), into buf; *path = NULL when there is no floor to be beside. */
MG_RESULT mg_bench_mkcerts_path(const char *floor, char *buf, size_t len, const char **path);

/* The stock tools the process-per-case reference runs: a stack's (stack_tools.h). */
typedef struct {
    const mg_stack *stack;   /* NULL: no stack's tools can be timed */
    const char *server_tool; /* the stack's server tool's name, for people */
    const char *client_tool;
} mg_bench_tools;

/* The tools of the stack `name`, or with NULL of the first registered stack whose tools can be
 * timed (none: out->stack NULL). MG_E_USAGE for an unknown stack or one without such tools. */
MG_RESULT mg_bench_tools_pick(const char *name, mg_bench_tools *out);

/* `count` cases the way process-per-case tools run them: a server and a client process of
 * the stack's tools per case on loopback, with the same files and one round trip. Writes what
 * the tools need (such as split credential files) under work_dir. */
MG_RESULT mg_bench_process_run(const mg_bench_tools *tools, const mg_side_config *client,
                               const mg_side_config *server, unsigned count,
                               const char *work_dir, double *per_s);

/* What one harness run measured: handshakes per wall-clock second, and the workers' CPU time
 * per handshake (user + system), which other load on the machine barely changes. */
typedef struct {
    double per_s;
    double cpu_us;
} mg_bench_rate;

/* Runs `n` copies of `proto` through mg_run_cases with `jobs` workers; every one must give
 * verdict ok (a benchmark of failing handshakes would measure nothing useful). */
MG_RESULT mg_bench_harness_run(const mg_case *proto, unsigned n, unsigned jobs,
                               mg_bench_rate *rate);

/* Seconds on the monotonic clock. */
double mg_bench_now(void);

#endif
