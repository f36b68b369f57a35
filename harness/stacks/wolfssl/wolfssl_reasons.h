/* wolfSSL's native error codes in the shared reason vocabulary, as data: one table of the
 * codes with which wolfSSL refuses a peer's credential (what its certificate verification and
 * its handshake checks of the peer's certificate give), each with its reason. A code absent
 * from the table is not a refusal of the peer; a refusal whose code is absent reads `other`. */
#ifndef MG_WOLFSSL_REASONS_H
#define MG_WOLFSSL_REASONS_H

#include <wolfssl/options.h> /* first: the build's feature macros */

#include "outcome.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    int code;         /* a wolfSSL or wolfCrypt error code (negative) */
    mg_reason reason;
    bool handshake;   /* raised by the handshake, not seen by the verify callback */
    bool own_too;     /* also raised for this side's own credential: a refusal of the peer
                       * only when the verify callback saw it */
    const char *name; /* the constant's name, for tests and people */
} mg_wolf_reason_entry;

/* The table itself, for the unit test that lists what it covers. */
const mg_wolf_reason_entry *mg_wolf_reason_table(size_t *count);

/* The entry for `code`, NULL when the table lacks it. */
const mg_wolf_reason_entry *mg_wolf_reason_find(int code);

/* The reason of a refusal with `code`; MG_REASON_OTHER when the table lacks the code. */
mg_reason mg_wolf_reason(int code);

/* "ASN_AFTER_DATE_E (-151) at depth 0: <wolfSSL's text>" (depth < 0: no depth). */
void mg_wolf_describe_error(int code, int depth, char *buf, size_t len);

#endif
