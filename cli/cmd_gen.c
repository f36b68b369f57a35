/* mtlsgrid gen: writes the certificate matrix. */
#include "command.h"
#include "gen.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *out;
    const char *seed;
    const char *time;
    int quiet;
} gen_args;

static const cli_option gen_options[] = {
    {"out", OPT_STRING | OPT_REQUIRED, offsetof(gen_args, out), "DIR", "folder to write"},
    {"seed", OPT_STRING, offsetof(gen_args, seed), "S", "seed: the same seed gives the same files"},
    {"time", OPT_STRING, offsetof(gen_args, time), "pinned|now",
     "validity around a fixed instant (default) or the wall clock"},
    {"quiet", OPT_FLAG, offsetof(gen_args, quiet), NULL, "print nothing on success"},
};

static int run_gen(void *raw, const cli_rest *rest)
{
    (void)rest;
    gen_args *a = raw;
    mg_gen_options o = {.out_dir = a->out, .seed = a->seed, .verbose = !a->quiet};
    if (a->time && strcmp(a->time, "now") == 0) o.time_mode = MG_TIME_NOW;
    else if (a->time && strcmp(a->time, "pinned") != 0) {
        fprintf(stderr, "mtlsgrid: gen: --time expects pinned or now, got \"%s\"\n", a->time);
        return 2;
    }
    mg_gen_stats stats = {0};
    mg_result r = mg_gen_matrix(&o, &stats);
    if (!mg_ok(r)) {
        fprintf(stderr, "mtlsgrid: gen: %s\n", mg_error_message());
        return mg_exit_code(r);
    }
    return 0;
}

const cli_command mg_cmd_gen = {
    "gen", NULL,
    "Generate the certificate matrix: CA hierarchies, leaf profiles, CRLs, OCSP responses and "
    "PKCS#12 bundles, with manifest.json naming every artifact.",
    CLI_OPTIONS(gen_options), sizeof(gen_args), NULL, 0, 0, run_gen,
};
