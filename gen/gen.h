/* The certificate-matrix generator: CA hierarchies, leaf profiles, CRLs, OCSP responses and
 * PKCS#12 bundles, written to one folder with a manifest (manifest.h) that names every
 * artifact. Deterministic: the same seed gives byte-identical output. */
#ifndef MG_GEN_H
#define MG_GEN_H

#include "mg_result.h"

#include <stdbool.h>
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

/* The client-certificate defect set of `mtlsgrid probe`, issued under a CA given from outside
 * (the one a running gateway trusts for clients). Keys and serials derive from the CA's private
 * key, so the same CA always gives the same set: the CRL a gateway loaded after one run (or
 * from mg_gen_probe_ca) still lists the revoked certificate of the next. */
typedef struct {
    const char *ca_cert_file, *ca_key_file;       /* the CA the gateway trusts (PEM) */
    const char *chain_cert_file, *chain_key_file; /* an intermediate under it; NULL: made here */
    const char *dir; /* an existing private folder: DIR/NAME/{cert,chain,key}.pem, DIR/crl.pem */
    int64_t now;     /* validity around this instant; 0: the wall clock */
} mg_gen_probe_options;

/* Writes every artifact of gen/profiles_probe.c (named there, "probe-control" ...) and
 * DIR/crl.pem: the CRLs of the CA (revoking "probe-revoked") and of the intermediate.
 * *pathlen_limited: whether the intermediate has pathLenConstraint 0 (so that
 * "probe-pathlen-exceeded" breaks it). Unreadable or mismatched CA files are MG_E_INPUT
 * naming the file. */
MG_RESULT mg_gen_probe_set(const mg_gen_probe_options *options, bool *pathlen_limited);

/* A fresh test CA for a gateway (random keys): DIR/ca/{cert,key}.pem (the root),
 * DIR/intermediate/{cert,key}.pem (pathlen 0), DIR/server/{chain,key}.pem for the gateway
 * itself (localhost, 127.0.0.1 and the DNS names in `server_names`, comma-separated, may be
 * NULL) and DIR/crl.pem as mg_gen_probe_set writes it for this CA and intermediate. DIR must be
 * absent or empty. */
MG_RESULT mg_gen_probe_ca(const char *dir, const char *server_names, int64_t now);

/* Removes the hidden folders an interrupted mg_gen_matrix of out_dir left beside it
 * (".<name>.tmp-XXXXXX", ".<name>.old-XXXXXX"); only for a caller that holds the parent
 * folder's lock, so that no running generator's folder is taken. */
MG_RESULT mg_gen_clear_leftovers(const char *out_dir);

#endif
