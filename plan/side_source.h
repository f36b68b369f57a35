/* Where `serve` and `connect` take their side of a case from: a built-in scenario (with a
 * wall-clock matrix, so real peers agree), a repro bundle, or the user's own files. The flags
 * that fill mg_side_source are in cli/side_source_options.h. */
#ifndef MG_SIDE_SOURCE_H
#define MG_SIDE_SOURCE_H

#include "plan.h"
#include "secret.h"

typedef struct {
    const char *stack;
    const char *scenario;
    const char *bundle;
    const char *matrix; /* with --scenario: a wall-clock matrix to use instead of a fresh one */
    const char *cert, *key, *p12, *p12_password, *trust, *crl, *ocsp;
    const char *p12_password_file; /* or the environment variable MG_P12_PASSWORD_ENV */
    const char *name;        /* the name the client verifies */
    const char *client_cert; /* server: required | optional | none */
    const char *tls, *policy;
    const char *keylog;
} mg_side_source;

/* Everything resolve() keeps alive for the config. */
typedef struct {
    mg_plan plan;
    char temp_matrix[1024]; /* a fresh wall-clock matrix, removed by mg_side_source_free */
    mg_strings paths;
    char p12_password[1024]; /* read from --p12-password-file or the environment */
} mg_side_storage;

MG_RESULT mg_side_source_resolve(const mg_side_source *src, mg_role role, mg_side_config *config,
                                 const struct mg_stack **stack, mg_side_storage *storage);
void mg_side_source_free(mg_side_storage *storage);

#endif
