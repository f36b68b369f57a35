/* mtlsgrid inspect: whether each certificate can serve in the role, and why not, in words,
 * in the strings each stack's tools, browsers and curl print, and with the fix. Exit 0 when
 * every certificate is suitable, 1 when one is not, 2 when an input could not be read. */
#include "command.h"
#include "inspect.h"
#include "inspect_json.h"
#include "json_text.h"
#include "live_inspect.h"
#include "registry.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    mg_inspect_request request;
    const char *connect, *servername;
    double timeout, listen; /* 0: not given */
    int json;
} inspect_args;

static const cli_option inspect_options[] = {
    {"role", OPT_STRING, offsetof(inspect_args, request.role), "client|server",
     "the role to judge for (default: server with --host, else from the EKU)"},
    {"host", OPT_STRING, offsetof(inspect_args, request.host), "NAME",
     "DNS name or IP address clients connect to (checked against the SANs)"},
    {"ca", OPT_STRING, offsetof(inspect_args, request.ca_file), "FILE",
     "CA certificates the verifier trusts (PEM or DER): checks the chain"},
    {"crl", OPT_STRING, offsetof(inspect_args, request.crl_file), "FILE",
     "CRLs (PEM or DER): checks revocation of the leaf and, with --ca, of its CAs"},
    {"at", OPT_STRING, offsetof(inspect_args, request.at), "TIME",
     "judge at this instant: now (default), 2026-01-01T00:00:00Z, 2026-01-01 or epoch seconds"},
    {"key", OPT_STRING, offsetof(inspect_args, request.key_file), "FILE",
     "a private key (PEM or DER) that must belong to each FILE's certificate"},
    {"key-password-file", OPT_STRING, offsetof(inspect_args, request.key_password_file), "FILE",
     "the --key's password, if it is encrypted (or set MTLSGRID_KEY_PASSWORD)"},
    {"p12-password", OPT_STRING, offsetof(inspect_args, request.p12_password), "PASSWORD",
     "the password of a PKCS#12 FILE (.p12/.pfx); visible in ps: prefer the next two"},
    {"p12-password-file", OPT_STRING, offsetof(inspect_args, request.p12_password_file), "FILE",
     "read the PKCS#12 password from the file's first line (or set MTLSGRID_P12_PASSWORD)"},
    {"connect", OPT_STRING, offsetof(inspect_args, connect), "HOST:PORT",
     /* stack-literal: the command-line tool whose output users know */
     "instead of FILEs, a live server: its chain is fetched (as openssl s_client -showcerts "
     "shows it) and judged for the server role, and its CertificateRequest shown, in TLS 1.2 "
     "and 1.3"},
    {"servername", OPT_STRING, offsetof(inspect_args, servername), "NAME",
     "with --connect: the name sent as SNI and checked against the SANs (default: HOST)"},
    {"timeout", OPT_DOUBLE, offsetof(inspect_args, timeout), "SECONDS",
     "with --connect: give up after this, both attempts and connecting included (default 10)"},
    {"listen", OPT_DOUBLE, offsetof(inspect_args, listen), "SECONDS",
     "with --connect: how long to read after the TLS 1.3 handshake for the server's verdict on "
     "the empty Certificate or a post-handshake CertificateRequest (default 1)"},
    {"json", OPT_FLAG, offsetof(inspect_args, json), NULL,
     "print a JSON array, one object per FILE (with --connect: one object)"},
};

/* Inspects one file; returns its exit code (0 suitable, 1 not, 2 unreadable). */
static int inspect_one(const mg_inspect_session *session, const char *path, json_t *array)
{
    mg_inspect_report report;
    mg_result r = mg_inspect_file(session, path, &report);
    int code = !mg_ok(r) ? 2 : mg_inspect_suitable(&report) ? 0 : 1;
    if (!mg_ok(r)) {
        fprintf(stderr, "mtlsgrid: inspect: %s\n", mg_error_message());
        if (array) json_array_append_new(array, mg_inspect_error_json(path, mg_error_message()));
    } else if (array) {
        json_t *object = NULL;
        if (mg_ok(mg_inspect_report_json(&report, &object))) json_array_append_new(array, object);
        else code = 2;
    } else {
        mg_inspect_print_text(stdout, &report);
    }
    mg_inspect_report_free(&report);
    return code;
}

/* Every registered stack that knows its words, in the registry's order; inspect itself knows
 * no stack. */
static void stack_tools(mg_inspect_tool tools[MG_STACK_MAX], size_t *count)
{
    *count = 0;
    for (const mg_stack *const *s = mg_stacks; *s; s++)
        if ((*s)->inspect_words)
            tools[(*count)++] = (mg_inspect_tool){(*s)->name, (*s)->display, (*s)->inspect_words,
                                                  (*s)->verify_tool, *s};
}

_Static_assert(MG_STACK_MAX <= MG_INSPECT_TOOL_MAX, "inspect takes fewer tools than stacks");

/* With --json, bad input is JSON too: {"error": ..., "flag": ..., "file": ...}, the flag and its
 * file when the message names one (a --ca, --crl or --key that cannot be read). */
static void print_error_json(const mg_inspect_request *req, const char *message)
{
    const struct {
        const char *flag, *file;
    } files[] = {{"--ca", req->ca_file}, {"--crl", req->crl_file}, {"--key", req->key_file}};
    json_t *doc = json_pack("{s:o}", "error", mg_json_text(message));
    for (size_t i = 0; doc && i < sizeof files / sizeof files[0]; i++) {
        char with_colon[16];
        snprintf(with_colon, sizeof with_colon, "%s:", files[i].flag);
        if (!strstr(message, with_colon)) continue;
        json_object_set_new(doc, "flag", json_string(files[i].flag));
        if (files[i].file) json_object_set_new(doc, "file", mg_json_text(files[i].file));
        break;
    }
    if (doc && !json_object_get(doc, "flag")) {
        const char *dash = strstr(message, "--");
        size_t len = dash ? strspn(dash + 2, "abcdefghijklmnopqrstuvwxyz0123456789-") : 0;
        if (len) json_object_set_new(doc, "flag", json_stringn(dash, len + 2));
    }
    if (doc) {
        json_dumpf(doc, stdout, JSON_INDENT(2));
        printf("\n");
    }
    json_decref(doc);
}

/* Flags that belong to FILEs or to --connect only: a usage error names the one given. */
static MG_RESULT check_mode(const inspect_args *a, const cli_rest *rest)
{
    if (!a->connect) {
        MG_ENSURE(rest->positional_count > 0, MG_E_USAGE, "inspect: missing argument FILE... (or "
                  "--connect HOST:PORT)");
        const char *only = a->servername ? "--servername" : a->timeout ? "--timeout"
                           : a->listen ? "--listen" : NULL;
        MG_ENSURE(!only, MG_E_USAGE, "inspect: %s goes with --connect HOST:PORT", only);
        return MG_OK;
    }
    MG_ENSURE(rest->positional_count == 0, MG_E_USAGE,
              "inspect: --connect %s: give FILE... or --connect, not both (\"%s\")", a->connect,
              rest->positional[0]);
    const mg_inspect_request *q = &a->request;
    const char *file_only = q->host ? "--host (with --connect: --servername)"
                            : q->key_file ? "--key" : q->p12_password ? "--p12-password"
                            : q->p12_password_file ? "--p12-password-file" : NULL;
    MG_ENSURE(!file_only, MG_E_USAGE, "inspect: %s does not go with --connect", file_only);
    MG_ENSURE(!q->role || strcmp(q->role, "server") == 0, MG_E_USAGE,
              "inspect: --connect judges a server's certificate: --role %s does not go with it",
              q->role);
    return MG_OK;
}

/* --connect: the live server observed, its chain judged; 0 suitable, 1 findings, 2 no look. */
static int run_connect(inspect_args *a, mg_inspect_tool *tools)
{
    char host[256];
    mg_live_request live = {.target = a->connect, .servername = a->servername,
                            .timeout = a->timeout ? a->timeout : 10,
                            .listen = a->listen ? a->listen : 1};
    mg_result r = mg_live_parse_target(a->connect, host, sizeof host, &live.port);
    live.host = host;
    const char *checked = a->servername ? a->servername : host;
    a->request.role = "server";
    a->request.host = checked;
    a->request.tools = tools;
    mg_inspect_session *session = NULL;
    if (mg_ok(r)) r = mg_inspect_session_open(&a->request, &session);
    mg_live_inspection in = {0};
    if (mg_ok(r)) r = mg_live_inspect(session, &live, &in);
    json_t *doc = NULL;
    if (mg_ok(r) && a->json) r = mg_live_json(&in, &doc);
    int code = 2;
    if (!mg_ok(r)) {
        fprintf(stderr, "mtlsgrid: %s\n", mg_error_message());
        if (a->json) print_error_json(&a->request, mg_error_message());
    } else {
        code = mg_live_suitable(&in) ? 0 : 1;
        if (doc) {
            json_dumpf(doc, stdout, JSON_INDENT(2));
            printf("\n");
        } else {
            mg_live_print_text(stdout, &in);
        }
    }
    json_decref(doc);
    mg_live_inspection_free(&in);
    mg_inspect_session_free(session);
    return code;
}

static int run_inspect(void *raw, const cli_rest *rest)
{
    inspect_args *a = raw;
    mg_result mode = check_mode(a, rest);
    if (!mg_ok(mode)) {
        fprintf(stderr, "mtlsgrid: %s\n", mg_error_message());
        if (a->json) print_error_json(&a->request, mg_error_message());
        return 2;
    }
    mg_inspect_tool tools[MG_STACK_MAX];
    stack_tools(tools, &a->request.tool_count);
    if (a->connect) return run_connect(a, tools);
    a->request.tools = tools;
    mg_inspect_session *session = NULL;
    mg_result r = mg_inspect_session_open(&a->request, &session);
    if (!mg_ok(r)) {
        fprintf(stderr, "mtlsgrid: %s\n", mg_error_message());
        if (a->json) print_error_json(&a->request, mg_error_message());
        return 2;
    }
    json_t *array = a->json ? json_array() : NULL;
    int worst = a->json && !array ? 2 : 0;
    for (int i = 0; i < rest->positional_count; i++) {
        if (!a->json && i > 0) printf("\n");
        int code = inspect_one(session, rest->positional[i], array);
        if (code > worst) worst = code;
    }
    if (array) {
        json_dumpf(array, stdout, JSON_INDENT(2));
        printf("\n");
        json_decref(array);
    }
    mg_inspect_session_free(session);
    return worst;
}

const cli_command mg_cmd_inspect = {
    "inspect", "[FILE...]",
    "Explain whether each certificate can serve as a TLS client or server certificate, and why "
    "not: purpose (EKU), key usage, names, validity, chain, revocation, key and signature "
    "strength, each problem with the error strings each stack's tools, browsers and curl print "
    "and the fix. FILE holds the leaf and optionally its chain, in any order, PEM or DER. With "
    "--connect, a live server instead: the chain it sends, and what its CertificateRequest "
    "asks of a client (CA names, signature algorithms, post-handshake authentication).",
    CLI_OPTIONS(inspect_options), sizeof(inspect_args), NULL, 0, 4096, run_inspect,
};
