/* The outcome vocabulary of ../shared/DESIGN.md: a verdict kind, a shared reason, and the
 * text forms ("server-rejects:bad-purpose") that reports, scenarios and tests use. */
#ifndef MG_OUTCOME_H
#define MG_OUTCOME_H

#include "mg_result.h"

#include <stddef.h>

typedef enum {
    MG_VERDICT_OK,
    MG_VERDICT_CLIENT_REJECTS, /* the client refused the server's credentials */
    MG_VERDICT_SERVER_REJECTS, /* the server refused the client's credentials */
    MG_VERDICT_CLIENT_ERROR,   /* the client could not even start */
    MG_VERDICT_SERVER_ERROR,   /* the server could not even start */
    MG_VERDICT_PROTOCOL,
    MG_VERDICT_TIMEOUT,
    MG_VERDICT_CRASH,
    MG_VERDICT_KIND_COUNT
} mg_verdict_kind;

/* X-macro: the one list of reasons, so enum and names cannot drift apart. */
#define MG_REASONS(X)                                                                              \
    X(NONE, "")                                                                                    \
    X(UNKNOWN_CA, "unknown-ca")                                                                    \
    X(EXPIRED, "expired")                                                                          \
    X(NOT_YET_VALID, "not-yet-valid")                                                              \
    X(REVOKED, "revoked")                                                                          \
    X(REVOCATION_UNKNOWN, "revocation-unknown")                                                    \
    X(BAD_PURPOSE, "bad-purpose")                                                                  \
    X(BAD_KEY_USAGE, "bad-key-usage")                                                              \
    X(HOSTNAME_MISMATCH, "hostname-mismatch")                                                      \
    X(NO_CERTIFICATE, "no-certificate")                                                            \
    X(BAD_SIGNATURE, "bad-signature")                                                              \
    X(INVALID_CA, "invalid-ca")                                                                    \
    X(PATH_LENGTH, "path-length")                                                                  \
    X(NAME_CONSTRAINTS, "name-constraints")                                                        \
    X(INSECURE_ALGORITHM, "insecure-algorithm")                                                    \
    X(CRITICAL_EXTENSION, "critical-extension")                                                    \
    X(KEY_MISMATCH, "key-mismatch")                                                                \
    X(BAD_CREDENTIAL, "bad-credential")                                                            \
    X(OTHER, "other")

typedef enum {
#define MG_REASON_ENUM(id, text) MG_REASON_##id,
    MG_REASONS(MG_REASON_ENUM)
#undef MG_REASON_ENUM
    MG_REASON_COUNT
} mg_reason;

typedef struct {
    mg_verdict_kind kind;
    mg_reason reason; /* MG_REASON_NONE for ok, timeout and crash */
} mg_verdict;

const char *mg_verdict_kind_name(mg_verdict_kind kind);
const char *mg_reason_name(mg_reason reason);

/* Parses a reason name; false when unknown. */
bool mg_reason_parse(const char *text, mg_reason *out);

/* Writes "kind" or "kind:reason" into buf. */
void mg_verdict_format(mg_verdict v, char *buf, size_t len);

/* Parses the text form; a verdict that needs a reason must have one, ok/timeout/crash none. */
bool mg_verdict_parse(const char *text, mg_verdict *out);

bool mg_verdict_equal(mg_verdict a, mg_verdict b);

#endif
