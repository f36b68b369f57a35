/* NSS's native error codes (PRErrorCode: SEC_ERROR_*, SSL_ERROR_*) in the shared reason
 * vocabulary, as data: one table of the codes with which NSS refuses a peer's credential
 * (what its verifiers, its auth hook and its handshake checks of the peer give), each with its
 * reason. A code absent from the table is not a refusal of the peer; a refusal whose code is
 * absent reads `other`. */
#ifndef MG_NSS_REASONS_H
#define MG_NSS_REASONS_H

#include "outcome.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int code;         /* a PRErrorCode (negative) */
    mg_reason reason;
    bool handshake;   /* also a refusal when the handshake raises it, not the hook */
    const char *name; /* the constant's name, for tests and people */
} mg_nss_reason_entry;

/* The table itself, for the unit test that lists what it covers. */
const mg_nss_reason_entry *mg_nss_reason_table(size_t *count);

/* The entry for `code`, NULL when the table lacks it. */
const mg_nss_reason_entry *mg_nss_reason_find(int code);

/* The reason of a refusal with `code`; MG_REASON_OTHER when the table lacks the code. */
mg_reason mg_nss_reason(int code);

/* "SEC_ERROR_UNKNOWN_ISSUER (-8179) at depth 0: <NSS's text>" (depth < 0: no depth). */
void mg_nss_describe_error(int code, int depth, char *buf, size_t len);

#endif
