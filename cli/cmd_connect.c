/* mtlsgrid connect: one side of a case as a TCP client, against a real server. */
#include "json_text.h"
#include "row_json.h"
#include "side_source_options.h"
#include "tcp.h"
#include "tcp_session.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct {
    mg_side_source src;
    const char *host;
    unsigned port;
    double timeout;
    int json;
} connect_args;

static const cli_option connect_options[] = {
    MG_SIDE_SOURCE_ROWS(connect_args),
    MG_SIDE_SOURCE_CLIENT_ROWS(connect_args),
    {"host", OPT_STRING, offsetof(connect_args, host), "H", "server address (default 127.0.0.1)"},
    {"port", OPT_UINT | OPT_REQUIRED, offsetof(connect_args, port), "P", "server port"},
    {"timeout", OPT_DOUBLE, offsetof(connect_args, timeout), "SECONDS",
     "give up after this, connecting and exchanging included (default 10)"},
    {"json", OPT_FLAG, offsetof(connect_args, json), NULL,
     "print the outcome as one JSON object (verdict, reason, the sides, the server's HTTP "
     "answer)"},
};

/* The outcome as people read it, or as one JSON object for scripts. */
static void print_outcome(const connect_args *a, const mg_tcp_result *res)
{
    char verdict[64];
    mg_verdict_format(res->verdict, verdict, sizeof verdict);
    if (!a->json) {
        printf("%s (%s)\n", verdict, res->reason_text);
        if (res->http_status) printf("server said: HTTP %d: %s\n", res->http_status, res->body);
        return;
    }
    json_t *doc = json_pack("{s:s, s:b, s:o, s:o}", "verdict", verdict, "ok",
                            res->verdict.kind == MG_VERDICT_OK, "reason_text",
                            mg_json_text(res->reason_text), "client", mg_side_to_json(&res->side));
    if (doc && res->http_status)
        json_object_set_new(doc, "http", json_pack("{s:i, s:o}", "status", res->http_status,
                                                   "said", mg_json_text(res->body)));
    char *text = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
    if (text) printf("%s\n", text);
    free(text);
    json_decref(doc);
}

static void connect_defaults(void *raw)
{
    connect_args *a = raw;
    a->host = "127.0.0.1";
    a->timeout = 10;
}

static int run_connect(void *raw, const cli_rest *rest)
{
    (void)rest;
    connect_args *a = raw;
    mg_side_storage storage = {0};
    mg_side_config config;
    const mg_stack *stack = NULL;
    mg_context *ctx = NULL;
    mg_side_outcome why = {.alert_sent = MG_NO_ALERT, .alert_received = MG_NO_ALERT};
    mg_result r = mg_side_source_resolve(&a->src, MG_ROLE_CLIENT, &config, &stack, &storage);
    if (mg_ok(r) && !config.server_name) config.server_name = a->host;
    if (mg_ok(r)) r = stack->context_new(&config, NULL, &ctx, &why);
    int fd = -1, code = 2;
    double deadline = 0; /* the whole exchange's: from before connect() to the last read */
    if (mg_ok(r) && !ctx) {
        mg_tcp_result res = {.side = why, .verdict = {MG_VERDICT_CLIENT_ERROR, why.reason}};
        snprintf(res.reason_text, sizeof res.reason_text, "%s", why.native_text);
        print_outcome(a, &res);
        code = 1;
    } else if (mg_ok(r)) {
        deadline = mg_tcp_now() + a->timeout;
        r = mg_tcp_connect(a->host, a->port, a->timeout, &fd);
    }
    if (mg_ok(r) && ctx) {
        mg_tcp_result res;
        mg_tcp_connect_one(stack, ctx, fd, config.server_name, deadline, &res);
        print_outcome(a, &res);
        code = res.verdict.kind == MG_VERDICT_OK ? 0 : 1;
    }
    if (!mg_ok(r)) fprintf(stderr, "mtlsgrid: connect: %s\n", mg_error_message());
    if (fd >= 0) {
        double left = deadline - mg_tcp_now(); /* the close too stays within the timeout */
        mg_tcp_close_gracefully(fd, left > 1.0 ? 1.0 : left > 0 ? left : 0);
    }
    if (ctx) stack->context_free(ctx);
    mg_side_source_free(&storage);
    return mg_ok(r) ? code : mg_exit_code(r);
}

const cli_command mg_cmd_connect = {
    "connect", NULL,
    "Play the client side of a case over TCP against a real server; print the verdict, exit 0 "
    "only when it is ok.",
    CLI_OPTIONS(connect_options), sizeof(connect_args), connect_defaults, 0, 0, run_connect,
};
