/* What bench measures: one case per chosen pairing, at one TLS version under strict, with
 * either the `baseline` scenario's credentials (from a matrix: a fresh one in a temporary
 * folder unless --matrix names one) or the floor's own certificates (its mkcerts.sh: a root
 * and two leaves), so that the comparison with the floor can be made on equal work. */
#ifndef MG_BENCH_SETUP_H
#define MG_BENCH_SETUP_H

#include "plan.h"

#define MG_BENCH_MAX_PAIRS 16

typedef enum { MG_BENCH_CERTS_BASELINE, MG_BENCH_CERTS_FLOOR } mg_bench_certs;

typedef struct {
    char dir[4096];      /* the temporary folder: matrix/, work/, certs/, split files */
    mg_plan plan;        /* baseline: the resolved plan the cases point into */
    mg_side_config floor_sides[2]; /* floor certificates: client, server */
    char floor_files[5][4096];     /* their paths */
    mg_case cases[MG_BENCH_MAX_PAIRS];
    char ids[MG_BENCH_MAX_PAIRS][96];
    size_t count;
    double gen_seconds;  /* 0 when no matrix was generated */
} mg_bench_setup;

typedef struct {
    const char *pairing; /* "all", a stack name (that stack on both sides) or CLIENT-SERVER */
    mg_tls_version tls;
    mg_bench_certs certs;
    const char *matrix;     /* baseline: a generated matrix to use (NULL: generate one) */
    const char *mkcerts;    /* floor certificates: the floor's mkcerts.sh */
} mg_bench_setup_options;

MG_RESULT mg_bench_setup_make(const mg_bench_setup_options *options, mg_bench_setup *out);

/* Frees the plan and removes the temporary folder. */
void mg_bench_setup_free(mg_bench_setup *setup);

#endif
