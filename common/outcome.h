/* The outcome vocabulary of ../shared/DESIGN.md: a verdict kind, a shared reason, and the
 * text forms ("server-rejects:bad-purpose") that reports, scenarios and tests use. */
#ifndef MG_OUTCOME_H
#define MG_OUTCOME_H

#include "mg_result.h"

#include <stdarg.h>
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

/* One side of a connection: where it ended, what it judged, what the stack said, and the
 * alerts (DESIGN.md "detail": which side saw what). */
typedef enum {
    MG_SIDE_OK,             /* handshake (and data) completed */
    MG_SIDE_SETUP_FAILED,   /* context or session could not be made: reason says why */
    MG_SIDE_REJECTED_PEER,  /* this side judged the peer's certificate and refused it */
    MG_SIDE_FAILED,         /* the handshake failed for another reason (alert, protocol) */
    MG_SIDE_INCOMPLETE,     /* still running when the driver stopped */
} mg_side_state;

#define MG_NO_ALERT (-1)

/* What one side did and why, in the shared vocabulary and in the stack's own words. */
typedef struct {
    mg_side_state state;
    mg_reason reason;        /* for SETUP_FAILED and REJECTED_PEER; NONE otherwise */
    long native_code;        /* e.g. X509_V_ERR_* or a gnutls_certificate_status_t mask */
    char native_text[256];   /* the stack's own message for native_code */
    int alert_sent;          /* TLS alert description this side sent, or MG_NO_ALERT */
    int alert_received;      /* TLS alert description this side received, or MG_NO_ALERT */
} mg_side_outcome;

/* "ok", "setup-failed", "rejected-peer", "failed", "incomplete". */
const char *mg_side_state_name(mg_side_state state);

/* A side that has done nothing yet: incomplete, no reason, no alerts. */
void mg_side_outcome_init(mg_side_outcome *side);
/* A side that has done nothing wrong yet: state ok, no reason, no alerts (backends start
 * from it before they judge). */
void mg_side_outcome_clear(mg_side_outcome *side);

/* A side that could not start (state setup-failed): the reason, the native code, and the text
 * made from fmt, then ": " and the stack's words for the code when there are any. */
void mg_side_setup_failed(mg_side_outcome *side, mg_reason reason, long code, const char *words,
                          const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

/* The outcome of one case: the verdict, why, how long, and what each side did. */
typedef struct {
    mg_verdict verdict;
    bool skipped;
    char reason_text[1024];
    double ms;
    /* What each side did (state, reason, native code and text, alerts sent and received);
     * incomplete with no alerts for a case that was skipped, crashed or timed out. */
    mg_side_outcome client, server;
} mg_case_outcome;

/* An outcome with nothing recorded: no verdict yet, both sides incomplete. */
void mg_case_outcome_init(mg_case_outcome *out);

#endif
