/* mtlsgrid inspect: can this certificate serve as a TLS client or server credential, and if
 * not, why — in plain words, in the error strings each stack prints for that cause, and with
 * the fix. Every check uses libcrypto's own verdict (X509_check_host, X509_verify_cert, ...);
 * the words around it come from one table of causes (inspect_causes.h). */
#ifndef MG_INSPECT_H
#define MG_INSPECT_H

#include "axes.h"
#include "inspect_causes.h"
#include "mg_result.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <openssl/x509.h>

/* What the user asked, as given on the command line (NULL: not given). */
typedef struct {
    const char *role;     /* "client" or "server"; NULL: server with --host, else from the EKU */
    const char *host;     /* DNS name or IP address the client connects to */
    const char *ca_file;  /* trust anchors, PEM or DER; NULL: the chain is not checked */
    const char *crl_file; /* CRLs, PEM or DER */
    const char *at;       /* the instant to judge at (see inspect_time.h); NULL: now */
    const char *key_file;          /* a private key that must belong to each FILE's leaf */
    const char *key_password_file; /* its password, if encrypted (or MTLSGRID_KEY_PASSWORD) */
    const char *p12_password;      /* a PKCS#12 FILE's password (or from the file, env) */
    const char *p12_password_file;
    const mg_inspect_tool *tools; /* whose words each problem quotes (outlive the session) */
    size_t tool_count;            /* at most MG_INSPECT_TOOL_MAX */
} mg_inspect_request;

/* The request with its files loaded, shared by every FILE inspected. */
typedef struct mg_inspect_session mg_inspect_session;

/* MG_E_USAGE for a bad flag value, MG_E_IO / MG_E_INPUT naming an unreadable CA or CRL file. */
MG_RESULT mg_inspect_session_open(const mg_inspect_request *req, mg_inspect_session **out);
void mg_inspect_session_free(mg_inspect_session *session);

typedef struct {
    const mg_inspect_cause *cause;
    char *detail; /* this certificate's facts: names, dates, which CA */
} mg_inspect_problem;

typedef struct {
    const char *check; /* the check's name: "validity", "purpose", ... */
    char *detail;
} mg_inspect_note;

/* One subjectAltName entry: type "DNS", "IP", "URI", "email", "dirName" or "otherName". */
typedef struct {
    const char *type;
    char *value;
} mg_inspect_name;

/* What a stack's verifying tool said when inspect ran it on the FILE (inspect_observe.c): its
 * findings are quoted, as observed, for the problems they speak of. */
typedef struct {
    const char *tool;  /* its label ("openssl verify"); NULL: the stack has no such tool */
    bool ran;          /* found on PATH and answered before the deadline */
    int exit_status;
    char *command;     /* as a person would type it (the user's file names) */
    char *output;      /* what it printed, standard output and error */
    char *why_not;     /* when it did not run: why its words are the recorded ones */
    mg_verify_finding findings[8];
    size_t finding_count;
} mg_inspect_observation;

/* How the verifying side of a handshake through a stack ended (inspect_handshake.c). */
typedef enum {
    MG_HANDSHAKE_NOT_RUN,   /* why_not says why */
    MG_HANDSHAKE_REFUSED,   /* the verifier refused the chain: its words, reason and alert */
    MG_HANDSHAKE_ACCEPTED,  /* the verifier accepted the chain */
    MG_HANDSHAKE_NOT_SENT,  /* the presenting side would not use the credential */
    MG_HANDSHAKE_UNCLEAR,   /* a stand-in key's bad signature, where the chain's may be bad too */
    MG_HANDSHAKE_FAILED,    /* neither judged: a setup failure of the verifier, a protocol
                             * failure, a timeout or a crash (reason_text says which) */
} mg_handshake_judgement;

/* The TLS versions a handshake through a stack is run in: 1.2, and 1.3 with --key. */
#define MG_INSPECT_TLS_COUNT 2

/* A handshake through a stack, that stack on both sides: the verifying side trusts --ca (with
 * --crl, at --at, checking --host), the other presents the FILE's chain with --key or, for a
 * stack that can load a certificate with a key not its own, a stand-in key. */
typedef struct {
    const char *stack_display; /* NULL: no handshake for this tool */
    mg_handshake_judgement judgement;
    char *why_not;            /* NOT_RUN: why its words are the recorded ones */
    bool stand_in_key;        /* no --key: the chain was sent with a stand-in key */
    mg_tls_version tls;
    mg_policy policy;
    mg_verdict verdict;
    mg_side_outcome verifier, presenter;
    char reason_text[1024];   /* both sides, as the matrix words them */
} mg_inspect_handshake;

typedef struct {
    char *file;
    char *subject, *issuer; /* as openssl x509 -subject prints them */
    char *names;            /* the subjectAltName entries, "DNS:a, IP:b" ("" when none) */
    mg_inspect_name *name_list; /* the same entries one by one */
    size_t name_count;
    char *not_before, *not_after, *key, *signature;
    mg_inspect_role role;
    bool role_guessed;      /* no --role: guessed (say so, so the operator can correct it) */
    const char *host;       /* from the session; NULL when not given */
    const mg_inspect_tool *tools; /* from the session: whose words the problems quote */
    size_t tool_count;
    int64_t at;
    size_t cert_count;      /* certificates in the file; the leaf is the one inspected */
    mg_inspect_problem *problems;
    size_t problem_count;
    mg_inspect_note *passed;
    size_t passed_count;
    mg_inspect_note *skipped; /* checks that could not run: what to give to run them */
    size_t skipped_count;
    mg_inspect_observation observed[MG_INSPECT_TOOL_MAX]; /* by tools[] */
    /* by tools[], then TLS 1.2 and 1.3 (stack_display NULL: not attempted) */
    mg_inspect_handshake handshakes[MG_INSPECT_TOOL_MAX][MG_INSPECT_TLS_COUNT];
} mg_inspect_report;

/* Inspects the leaf of FILE (PEM or DER, leaf and chain in any order). A failure is bad
 * input (MG_E_IO / MG_E_INPUT, naming the file); an unsuitable certificate is a success whose
 * report lists problems. Free the report with mg_inspect_report_free either way. */
MG_RESULT mg_inspect_file(const mg_inspect_session *session, const char *path,
                          mg_inspect_report *out);
void mg_inspect_report_free(mg_inspect_report *report);

/* As mg_inspect_file, for certificates already in memory (a live server's chain, see
 * live_connect.h): label stands for the file name in every message; leaf_first takes the first
 * certificate as the leaf, as a TLS peer's Certificate message must have it (otherwise the
 * leaf is found as in a file). certs stays the caller's. */
MG_RESULT mg_inspect_chain(const mg_inspect_session *session, const char *label,
                           STACK_OF(X509) *certs, bool leaf_first, mg_inspect_report *out);

static inline bool mg_inspect_suitable(const mg_inspect_report *r) { return r->problem_count == 0; }

/* The report for people: verdict first, then each problem with the tools' words and the fix. */
void mg_inspect_print_text(FILE *out, const mg_inspect_report *report);

#endif
