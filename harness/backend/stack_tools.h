/* A stack's stock command-line tools (its own client and server programs), so that repro
 * bundles and the process-per-case benchmark replay a case with them. The writers are the
 * stack's; the bundle only says what the case is. */
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

typedef struct {
    const char *server_tool; /* "openssl s_server", for people; NULL: no server tool */
    const char *client_tool; /* "openssl s_client"; NULL: no client tool */
    /* Write a shell function server_<stack>() taking the port as $1 (and client_<stack>(),
     * reading the request on standard input), with the flags that make the tool check what
     * the case checks. NULL when the tool does not exist. */
    MG_RESULT (*write_server)(FILE *f, const mg_tool_case *c);
    MG_RESULT (*write_client)(FILE *f, const mg_tool_case *c);
    /* Shell lines commands.sh needs before the functions (may be NULL). */
    MG_RESULT (*write_prelude)(FILE *f, const mg_tool_case *c);
    /* Markdown bullets for a bundle's README: what these tools do not check. */
    const char *readme_notes;
} mg_stack_tools;

#endif
