/* bench's output: a table for people, or one JSON object per pairing with --json. */
#ifndef MG_BENCH_REPORT_H
#define MG_BENCH_REPORT_H

#include "bench_measure.h"

#include <stdbool.h>

typedef struct {
    const char *tls;    /* "1.3" */
    const char *certs;  /* "baseline" or "floor" */
    unsigned jobs, n;
    const char *floor_path;      /* NULL: no floor measured */
    mg_bench_floor floor;
    double process_per_s;        /* 0: not measured */
    unsigned process_count;
    const char *process_server;  /* the tools measured (their names, for people) */
    const char *process_client;
    double gen_seconds;          /* 0: a given matrix */
    bool json;
} mg_bench_report;

/* The floor to compare a pairing with: the stack's own rate for a same-stack pairing; for a
 * mixed one, the harmonic mean of both (each side does about half of each handshake). 0 when
 * the floor lacks a stack. */
double mg_bench_pairing_floor(const mg_bench_floor *floor, const char *client, const char *server);

/* The references (text mode only): the machine, the floor, the process-per-case rate. */
void mg_bench_print_header(const mg_bench_report *report);

/* One pairing's line. */
void mg_bench_print_row(const mg_bench_report *report, const char *client, const char *server,
                        const mg_bench_rate *rate);

#endif
