/* What the checks share: the loaded session, the certificate being inspected, the table of
 * checks, and the calls that add findings to a report. Internal to inspect/. */
#ifndef MG_INSPECT_INTERNAL_H
#define MG_INSPECT_INTERNAL_H

#include "inspect.h"
#include "inspect_names.h"
#include "mg_strings.h"

#include <openssl/x509.h>

struct mg_inspect_session {
    bool role_given;
    mg_inspect_role role;
    char *host; /* NULL: not given */
    mg_host_kind host_kind;
    int64_t at;
    bool at_given; /* --at other than now: a tool without a time option is not asked */
    char p12_password_buf[1024];
    const char *p12_password; /* NULL: none given (a PKCS#12 FILE is then refused, saying so) */
    char *key_file;
    EVP_PKEY *key;           /* NULL without --key */
    char *ca_file;
    STACK_OF(X509) *anchors; /* NULL without --ca */
    char *crl_file;
    STACK_OF(X509_CRL) *crls; /* NULL without --crl */
    const mg_inspect_tool *tools;
    size_t tool_count;
};

typedef struct {
    const mg_inspect_session *session;
    const char *path;
    X509 *leaf;
    STACK_OF(X509) *others; /* the rest of the file, in file order: chain candidates */
    mg_inspect_role role;
} mg_inspect_subject;

/* One check: adds a problem, a pass or a skip to the report. Fails only on a library error. */
typedef struct {
    const char *name;
    MG_RESULT (*run)(const mg_inspect_subject *subject, mg_inspect_report *report);
} mg_inspect_check;

extern const mg_inspect_check mg_inspect_checks[];
extern const size_t mg_inspect_check_count;

#define MG_PRINTF(f, a) __attribute__((format(printf, f, a)))

/* cause_id must be in the causes table (MG_E_INTERNAL otherwise: a bug). */
MG_RESULT mg_inspect_add_problem(mg_inspect_report *r, const char *cause_id, const char *fmt, ...)
    MG_PRINTF(3, 4);
MG_RESULT mg_inspect_add_passed(mg_inspect_report *r, const char *check, const char *fmt, ...)
    MG_PRINTF(3, 4);
MG_RESULT mg_inspect_add_skipped(mg_inspect_report *r, const char *check, const char *fmt, ...)
    MG_PRINTF(3, 4);
bool mg_inspect_has_cause(const mg_inspect_report *r, const char *cause_id);

/* A cause's messages for the report's role, HOST and FILE replaced by the report's own: each
 * of the report's tools (tools[i] for r->tools[i]), then browsers, curl and others. */
typedef enum {
    MG_WORDS_RECORDED,  /* the stack's table */
    MG_WORDS_OBSERVED,  /* its verifying tool's words as it printed them here (first) */
    MG_WORDS_HANDSHAKE, /* a handshake through the stack, its verifier's own words */
} mg_words_source;

typedef struct {
    char *tools[MG_INSPECT_TOOL_MAX];
    size_t tool_count;
    bool observed[MG_INSPECT_TOOL_MAX]; /* tools[i] are observed, not the table's */
    mg_words_source source[MG_INSPECT_TOOL_MAX]; /* where tools[i] begins */
    char *handshake[MG_INSPECT_TOOL_MAX]; /* a handshake's words for the cause (NULL: none) */
    char *recorded[MG_INSPECT_TOOL_MAX]; /* the stack's table row, observed or not */
    char *browser, *curl, *other;
} mg_inspect_filled_messages;
MG_RESULT mg_inspect_fill_messages(const mg_inspect_report *r, const mg_inspect_cause *cause,
                                   mg_inspect_filled_messages *out);
void mg_inspect_filled_messages_free(mg_inspect_filled_messages *m);

/* Text forms of certificate fields, malloc'd ("" rather than NULL when a field is absent;
 * NULL only when memory runs out). */
char *mg_inspect_name_text(const X509_NAME *name);
char *mg_inspect_hex_text(const ASN1_OCTET_STRING *bytes); /* "1A:2B:..." */
/* The subjectAltName entries in order (an empty list when there is none); false when memory
 * runs out. */
bool mg_inspect_san_list(X509 *cert, mg_inspect_name **out, size_t *count);
void mg_inspect_san_list_free(mg_inspect_name *names, size_t count);
char *mg_inspect_san_list_text(const mg_inspect_name *names, size_t count); /* "DNS:a, IP:b" */
char *mg_inspect_san_text(X509 *cert);                                      /* the same */
char *mg_inspect_key_text(X509 *cert);       /* "EC prime256v1 (256 bits)", "RSA 2048 bits" */
char *mg_inspect_signature_text(X509 *cert); /* "ecdsa-with-SHA256" */
/* True when a CRL from cert's issuer (by name) lists it; buf gets "revoked on DATE, reason R". */
bool mg_inspect_crl_entry(STACK_OF(X509_CRL) *crls, X509 *cert, char *buf, size_t len);
/* Seconds since the epoch; false for a malformed time. */
bool mg_inspect_asn1_seconds(const ASN1_TIME *t, int64_t *out);

MG_RESULT mg_check_validity(const mg_inspect_subject *s, mg_inspect_report *r);
MG_RESULT mg_check_purpose(const mg_inspect_subject *s, mg_inspect_report *r);
MG_RESULT mg_check_key_usage(const mg_inspect_subject *s, mg_inspect_report *r);
MG_RESULT mg_check_name(const mg_inspect_subject *s, mg_inspect_report *r);
MG_RESULT mg_check_key_strength(const mg_inspect_subject *s, mg_inspect_report *r);
MG_RESULT mg_check_signature(const mg_inspect_subject *s, mg_inspect_report *r);
MG_RESULT mg_check_extensions(const mg_inspect_subject *s, mg_inspect_report *r);
MG_RESULT mg_check_chain(const mg_inspect_subject *s, mg_inspect_report *r);
MG_RESULT mg_check_revocation(const mg_inspect_subject *s, mg_inspect_report *r);
MG_RESULT mg_check_private_key(const mg_inspect_subject *s, mg_inspect_report *r);

#endif
