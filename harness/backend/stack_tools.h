/* A stack's stock command-line tools (its own client and server programs), so that repro
 * bundles and the process-per-case benchmark replay a case with them. The writers are the
 * stack's; the bundle only says what the case is. Everything here may be NULL: a stack
 * without a tool is replayed by `mtlsgrid serve/connect --stack S --bundle .` instead. */
#ifndef MG_STACK_TOOLS_H
#define MG_STACK_TOOLS_H

#include "mg_result.h"

#include <stdbool.h>
#include <stdio.h>

struct mg_side_config;

/* One case as a bundle lays it out (file names are those of DESIGN.md's repro bundle). */
typedef struct {
    const struct mg_side_config *client, *server;
    bool strict, tls13;
    int family;               /* 0: the host is a DNS name; 4 or 6: an IP literal */
    const char *addr;         /* "127.0.0.1" or "::1" */
    bool server_cert;         /* server.pem and server.key exist */
    bool server_extra;        /* server.pem holds more than the leaf */
    bool client_cert;         /* client.pem and client.key exist */
    bool client_extra;        /* client.pem holds more than the leaf */
    bool client_via_p12;      /* the client credential is client.p12 (p12-password.txt) */
    bool ocsp;                /* ocsp.der exists (the server staples it) */
} mg_tool_case;

/* A tool's command line for the process-per-case benchmark: argv points into `text`. */
#define MG_TOOL_ARGV_MAX 40
typedef struct {
    const char *argv[MG_TOOL_ARGV_MAX + 1]; /* NULL-terminated */
    int argc;
    bool overflow;       /* more than MG_TOOL_ARGV_MAX words were added: a bug */
    char text[4][4096];  /* the words the builder made (file names, numbers) */
} mg_tool_command;

static inline void mg_tool_arg(mg_tool_command *c, const char *word)
{
    if (c->argc == MG_TOOL_ARGV_MAX) {
        c->overflow = true;
        return;
    }
    c->argv[c->argc++] = word;
    c->argv[c->argc] = NULL;
}

/* The way the benchmark times a case with the tools: start the server, read its output until
 * a line holding `listening`, take the port from it, start the client, write `request` to
 * its standard input and expect `answer` in its output; both must exit 0. */
typedef struct {
    /* A server serving one connection on 127.0.0.1 at a port of its choosing; may write
     * files it needs (a split credential) under work_dir. */
    MG_RESULT (*server_command)(const struct mg_side_config *server, const char *work_dir,
                                mg_tool_command *out);
    /* A client connecting to 127.0.0.1:port; built again for every case (the port changes). */
    MG_RESULT (*client_command)(const struct mg_side_config *client, const char *work_dir,
                                int port, mg_tool_command *out);
    const char *listening;
    /* The port in the server's output up to the `listening` line; false when there is none. */
    bool (*port_of)(const char *server_output, int *port);
    const char *request;
    const char *answer;
} mg_tool_bench;

typedef struct {
    const char *server_tool; /* "openssl s_server", for people; NULL: no server tool */
    const char *client_tool; /* "openssl s_client"; NULL: no client tool */
    /* The body of commands.sh's shell function server_<stack>() (the port is $1) and of
     * client_<stack>() (port $1; the request, $REQUEST, goes to its standard input), with
     * the flags that make the tool check what the case checks. The bundle writes the
     * function's first and last lines. The body may use commands.sh's settings ($LIMIT,
     * $NAME, $TLS, $REQUEST and what the prelude sets) and its helper `rest_of FILE` (the
     * certificates after the leaf). NULL exactly when the tool is NULL. Write errors stay
     * on the stream, which the bundle's writer checks when it commits the file. */
    MG_RESULT (*write_server)(FILE *f, const mg_tool_case *c);
    MG_RESULT (*write_client)(FILE *f, const mg_tool_case *c);
    /* Shell settings commands.sh needs before the functions (may be NULL). */
    MG_RESULT (*write_prelude)(FILE *f, const mg_tool_case *c);
    /* README.md, "how to read the output" (Markdown, may be NULL): what the server tool prints
     * when it refuses a client certificate, and the client tool a server's. */
    const char *server_refusal;
    const char *client_refusal;
    /* README.md: Markdown bullets, each line "- ...\n", on what these tools do not check
     * (may be NULL). */
    const char *readme_notes;
    /* The process-per-case benchmark with these tools (NULL: they are not timed). */
    const mg_tool_bench *bench;
    /* When native_code (a setup failure's) is the stack refusing a side's own credential for
     * its crypto policy: the stack's words, then what curl (a client: as_client) or nginx (a
     * server) built on it print for `file` (a PKCS#12 when p12), into buf; false otherwise.
     * NULL: no such words recorded. */
    bool (*own_refusal_words)(long native_code, bool as_client, bool p12, const char *file,
                              char *buf, size_t len);
} mg_stack_tools;

#endif
