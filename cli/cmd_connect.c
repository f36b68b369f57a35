/* mtlsgrid connect: one side of a case as a TCP client, against a real server. */
#include "side_source_options.h"
#include "tcp.h"
#include "tcp_session.h"

#include <stdio.h>
#include <unistd.h>

typedef struct {
    mg_side_source src;
    const char *host;
    unsigned port;
    double timeout;
} connect_args;

static const cli_option connect_options[] = {
    MG_SIDE_SOURCE_ROWS(connect_args),
    MG_SIDE_SOURCE_CLIENT_ROWS(connect_args),
    {"host", OPT_STRING, offsetof(connect_args, host), "H", "server address (default 127.0.0.1)"},
    {"port", OPT_UINT | OPT_REQUIRED, offsetof(connect_args, port), "P", "server port"},
    {"timeout", OPT_DOUBLE, offsetof(connect_args, timeout), "SECONDS",
     "give up after this, connecting and exchanging included (default 10)"},
};

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
        char verdict[64];
        mg_verdict_format((mg_verdict){MG_VERDICT_CLIENT_ERROR, why.reason}, verdict,
                          sizeof verdict);
        printf("%s (%s)\n", verdict, why.native_text);
        code = 1;
    } else if (mg_ok(r)) {
        deadline = mg_tcp_now() + a->timeout;
        r = mg_tcp_connect(a->host, a->port, a->timeout, &fd);
    }
    if (mg_ok(r) && ctx) {
        mg_tcp_result res;
        mg_tcp_connect_one(stack, ctx, fd, config.server_name, deadline, &res);
        char verdict[64];
        mg_verdict_format(res.verdict, verdict, sizeof verdict);
        printf("%s (%s)\n", verdict, res.reason_text);
        if (res.http_status) printf("server said: HTTP %d: %s\n", res.http_status, res.body);
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
