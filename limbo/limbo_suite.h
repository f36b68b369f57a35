/* x509-limbo's version-1 testcase file (../shared/limbo/limbo-schema.json), read with jansson
 * into plain structs. Only what a handshake replay needs is kept; a field of the wrong type is
 * an input error that names the file and the testcase. */
#ifndef MG_LIMBO_SUITE_H
#define MG_LIMBO_SUITE_H

#include "mg_result.h"
#include "mg_strings.h"

#include <stdbool.h>
#include <stdint.h>

/* SERVER: a client judges a server's chain. CLIENT: a server judges a client's chain. */
typedef enum { MG_LIMBO_SERVER, MG_LIMBO_CLIENT } mg_limbo_kind;

typedef struct {
    char *id;
    char *description;
    mg_limbo_kind kind;
    bool expect_success;           /* expected_result: SUCCESS (true) or FAILURE */
    mg_strings trusted;            /* PEM certificates */
    mg_strings untrusted;          /* PEM intermediates, sent after the leaf in this order */
    mg_strings crls;               /* PEM CRLs */
    char *peer_cert;               /* PEM */
    char *peer_key;                /* PEM; NULL when the testcase carries none */
    char *validation_time;         /* RFC 3339; NULL: the current time */
    mg_strings extended_key_usage; /* EKUs the validator requires */
    mg_strings key_usage;          /* key usages the validator requires */
    mg_strings signature_algorithms;
    mg_strings features;
    char *peer_name_kind;          /* SERVER: expected_peer_name's kind (DNS, IP, RFC822); NULL */
    char *peer_name;               /* ... and its value */
    mg_strings peer_names;         /* CLIENT: expected_peer_names as "KIND:value" */
    int max_chain_depth;           /* -1: none given */
} mg_limbo_testcase;

typedef struct {
    mg_limbo_testcase *items;
    size_t count;
} mg_limbo_suite;

/* Reads FILE (limbo version 1). Bad JSON, a wrong version or a malformed testcase: MG_E_INPUT
 * naming the file (and line, or the testcase). */
MG_RESULT mg_limbo_suite_load(const char *path, mg_limbo_suite *out);
void mg_limbo_suite_free(mg_limbo_suite *suite);

/* An RFC 3339 date-time ("2024-03-01T00:00:00.999+00:00") as seconds since the epoch, the
 * fraction floored, as limbo asks (rfc5280::validity::*-fractional). */
MG_RESULT mg_limbo_parse_time(const char *text, int64_t *out);

#endif
