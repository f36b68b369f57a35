/* The causes inspect can name, as data: for each, the words browsers and curl print when they
 * meet it (so an operator can match the log line in front of them) and the fix; the words of
 * each TLS stack and its tools come from the caller (mg_inspect_tool), as each stack keeps them
 * in its own folder. Strings were taken from curl 7.88 and Chrome/Firefox error codes. The
 * messages of a server certificate are those its clients print; of a client certificate,
 * those of the server that judges it and of the client that reads its alert. */
#ifndef MG_INSPECT_CAUSES_H
#define MG_INSPECT_CAUSES_H

#include "outcome.h"
#include "tool_words.h"

#include <stddef.h>

typedef enum { MG_INSPECT_SERVER, MG_INSPECT_CLIENT } mg_inspect_role;

typedef struct {
    const char *id;     /* "expired": stable, for machines and tests */
    mg_reason reason;   /* the shared reason vocabulary of ../shared/DESIGN.md */
    const char *title;  /* one line for people */
    const char *browser_server, *browser_client; /* by the role of the certificate */
    const char *curl_server, *curl_client;
    const char *other;  /* Go, Python, Java where they differ; "" when nothing to add */
    const char *fix;    /* one sentence */
} mg_inspect_cause;

typedef struct {
    const char *browser, *curl, *other;
} mg_inspect_messages;

/* A tool whose words a report quotes for each cause: a TLS stack's. Inspect does not know the
 * stacks; its caller gives the list (the command line, from the registry), in the order the
 * report shows them. */
struct mg_stack;

typedef struct {
    const char *name;           /* key in JSON reports: the stack's name */
    const char *display;        /* label in text reports: its display name */
    const mg_tool_words *words; /* by cause id, ended by a NULL cause (tool_words.h) */
    const mg_verify_tool *verify; /* run where installed, its words observed (NULL: none) */
    const struct mg_stack *stack; /* a handshake through it judges the FILE (NULL: none) */
} mg_inspect_tool;

/* At most this many tools in one request. */
#define MG_INSPECT_TOOL_MAX 16

extern const mg_inspect_cause mg_inspect_causes[];
extern const size_t mg_inspect_cause_count;

/* NULL when the id is not in the table. */
const mg_inspect_cause *mg_inspect_cause_find(const char *id);

/* The messages someone meets when a certificate in this role has this cause. */
mg_inspect_messages mg_inspect_cause_messages(const mg_inspect_cause *cause, mg_inspect_role role);

/* The tool's words for the cause; NULL when its table has no row for it. */
const char *mg_inspect_tool_words(const mg_inspect_tool *tool, const char *cause_id);

const char *mg_inspect_role_name(mg_inspect_role role);

#endif
