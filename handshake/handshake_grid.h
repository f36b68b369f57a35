/* The user's pair on every client x server stack pairing and both TLS versions, printed as a
 * small grid (one line per pairing and version: the verdict and the reason in words) or as
 * JSON. */
#ifndef MG_HANDSHAKE_GRID_H
#define MG_HANDSHAKE_GRID_H

#include "drive.h"
#include "handshake_inputs.h"

#include <stdio.h>

#include "registry.h"

/* Every pairing of every stack a build can have, both TLS versions. */
#define MG_HANDSHAKE_MAX_ROWS (MG_STACK_MAX * MG_STACK_MAX * 2)

/* At most both policies, each a column of the grid. */
#define MG_HANDSHAKE_MAX_POLICIES 2

typedef struct {
    const mg_stack *client, *server;
    mg_tls_version tls;
    mg_pair_result result[MG_HANDSHAKE_MAX_POLICIES]; /* by the grid's policies[] */
    char skip[256]; /* not "": a stack cannot express the pair (e.g. PKCS#12); not run */
} mg_handshake_row;

typedef struct {
    mg_policy policies[MG_HANDSHAKE_MAX_POLICIES];
    size_t policy_count;
    mg_handshake_row rows[MG_HANDSHAKE_MAX_ROWS];
    size_t count;   /* rows: pairings x TLS versions */
    size_t ok;      /* results that are ok, over every policy */
    size_t skipped; /* rows not run */
} mg_handshake_grid;

/* Exit 0 for the command: every pairing that could run is ok under every policy asked. */
static inline bool mg_handshake_all_ok(const mg_handshake_grid *grid)
{
    return grid->ok == (grid->count - grid->skipped) * grid->policy_count;
}

/* The row's verdict under one policy in words; a side refused its own credential by its
 * stack's crypto policy reads with what curl and nginx print (handshake_words.c). */
void mg_handshake_words(const mg_handshake_inputs *in, const mg_handshake_row *row,
                        const mg_pair_result *result, char *buf, size_t len);

/* Some side could not load its own credential for its weak key or signature. */
bool mg_handshake_own_refused(const mg_handshake_grid *grid);

/* "strict", "minimal" or "both" (strict then minimal: two columns). */
MG_RESULT mg_handshake_parse_policies(const char *word, mg_handshake_grid *grid);

/* Runs every row under each of grid->policies (set them first, e.g. with the parser). */
MG_RESULT mg_handshake_run_grid(mg_handshake_inputs *in, mg_handshake_grid *grid);
void mg_handshake_print_grid(FILE *out, const mg_handshake_inputs *in,
                             const mg_handshake_grid *grid, bool verbose);
MG_RESULT mg_handshake_print_json(FILE *out, const mg_handshake_inputs *in,
                                  const mg_handshake_grid *grid);

#endif
