/* What a tool prints when it meets an inspect cause, keyed by the cause's id, so that each
 * stack keeps its own tools' words in its own folder and inspect reads them by tool name. A
 * stack's table has one row for every cause of inspect/inspect_causes.c and ends with a row
 * whose cause is NULL; tests/unit/inspect_words_test.c holds every registered stack to that. */
#ifndef MG_TOOL_WORDS_H
#define MG_TOOL_WORDS_H

#include "outcome.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char *cause; /* an inspect cause id, e.g. "expired"; NULL ends the table */
    /* What the stack and its tools print, never empty: where the stack accepts what the cause
     * describes, say so in parentheses, "(accepted: ...)". HOST and FILE stand for the
     * inspected host name and file. */
    const char *words;
} mg_tool_words;

/* What `inspect` asks a stack's certificate-verifying tool (openssl verify, certtool
 * --verify), so that where the tool is installed the report quotes what it really prints
 * rather than the table above. The files are PEM copies inspect wrote; the tool runs in the
 * folder that holds them, so its output names the inspected file as the user named it. */
typedef struct {
    const char *leaf;        /* the certificate judged (its file's own name) */
    const char *untrusted;   /* the rest of its file; NULL: none */
    const char *leaf_chain;  /* leaf then the rest, in one file */
    const char *trust;       /* the CAs --ca gave */
    const char *crls;        /* --crl's CRLs; NULL: none */
    bool client;             /* judged as a TLS client certificate, else as a server's */
    const char *host;        /* NULL: no name check */
    bool at_given;           /* --at: judge at `at` (seconds since the epoch), else now */
    int64_t at;
} mg_verify_question;

/* One thing the tool's output names: its words as printed, and the shared reason. */
typedef struct {
    char words[256];
    mg_reason reason;
} mg_verify_finding;

#define MG_VERIFY_ARGV_MAX 24

typedef struct {
    const char *label; /* how people call it: "openssl verify" */
    /* The command for the question: argv[0] the program (looked up on PATH), NULL-ended, the
     * words kept in `text`. false: this tool cannot be asked that (e.g. no --at for it). */
    bool (*command)(const mg_verify_question *q, const char *argv[MG_VERIFY_ARGV_MAX + 1],
                    char *text, size_t text_len);
    /* The findings in its output (at most max); 0 when it names none. */
    size_t (*findings)(const char *output, mg_verify_finding *out, size_t max);
} mg_verify_tool;

#endif
