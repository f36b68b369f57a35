/* The certificate-matrix generator: CA hierarchies, leaf profiles, CRLs, OCSP responses and
 * PKCS#12 bundles, written to one folder with a manifest (manifest.h) that names every
 * artifact. Deterministic: the same seed gives byte-identical output. */
#ifndef MG_GEN_H
#define MG_GEN_H

#include "mg_result.h"

#include <stdint.h>

/* The fixed instant that pinned-mode validity windows are placed around and that the
 * harness verifies at: 2026-01-01T00:00:00Z. */
#define MG_PINNED_REFERENCE_TIME INT64_C(1767225600)

typedef enum {
    MG_TIME_PINNED, /* validity around MG_PINNED_REFERENCE_TIME: never expires in CI */
    MG_TIME_NOW,    /* validity around the wall clock: stock tools agree without faking time */
} mg_time_mode;

typedef struct {
    const char *out_dir;    /* created; must be absent, empty, or a previous matrix */
    const char *seed;       /* NULL: the default seed */
    mg_time_mode time_mode;
    int64_t now;            /* MG_TIME_NOW only: the instant to use; 0 = the wall clock */
    int verbose;            /* 1: print what was written and how long it took */
} mg_gen_options;

typedef struct {
    unsigned artifacts;     /* artifacts written (certificates, CRLs, OCSP responses, bundles) */
    double seconds;         /* wall time taken */
} mg_gen_stats;

MG_RESULT mg_gen_matrix(const mg_gen_options *options, mg_gen_stats *stats);

/* Removes the hidden folders an interrupted mg_gen_matrix of out_dir left beside it
 * (".<name>.tmp-XXXXXX", ".<name>.old-XXXXXX"); only for a caller that holds the parent
 * folder's lock, so that no running generator's folder is taken. */
MG_RESULT mg_gen_clear_leftovers(const char *out_dir);

#endif
