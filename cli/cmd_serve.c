/* mtlsgrid serve: one side of a case as a TCP server on loopback, for real clients. */
#include "side_source_options.h"
#include "tcp.h"
#include "tcp_serve.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    mg_side_source src;
    const char *host;
    unsigned port;
    unsigned count;
    double timeout;
} serve_args;

static const cli_option serve_options[] = {
    MG_SIDE_SOURCE_ROWS(serve_args),
    MG_SIDE_SOURCE_SERVER_ROWS(serve_args),
    {"host", OPT_STRING, offsetof(serve_args, host), "ADDR",
     "address to listen on (default 127.0.0.1; loopback only)"},
    {"port", OPT_UINT, offsetof(serve_args, port), "P", "port (0: any free port, printed)"},
    {"count", OPT_UINT, offsetof(serve_args, count), "N",
     "stop after N connections (default: until interrupted)"},
    {"timeout", OPT_DOUBLE, offsetof(serve_args, timeout), "SECONDS",
     "each connection's deadline, from accept to close (default 10)"},
};

static volatile sig_atomic_t stop_requested;
static void on_signal(int sig) { (void)sig; stop_requested = 1; }

static void serve_defaults(void *raw)
{
    serve_args *a = raw;
    a->host = "127.0.0.1";
    a->timeout = 10;
}

static void print_served(void *arg, unsigned n, const mg_tcp_result *r)
{
    (void)arg;
    char verdict[64];
    mg_verdict_format(r->verdict, verdict, sizeof verdict);
    printf("connection %u: %s (%s)\n", n, verdict, r->reason_text);
    fflush(stdout);
}

static int run_serve(void *raw, const cli_rest *rest)
{
    (void)rest;
    serve_args *a = raw;
    mg_side_storage storage = {0};
    mg_side_config config;
    const mg_stack *stack = NULL;
    mg_context *ctx = NULL;
    int listen_fd = -1;
    mg_side_outcome why = {.alert_sent = MG_NO_ALERT, .alert_received = MG_NO_ALERT};
    mg_result r = mg_side_source_resolve(&a->src, MG_ROLE_SERVER, &config, &stack, &storage);
    if (mg_ok(r)) r = stack->context_new(&config, NULL, &ctx, &why);
    if (mg_ok(r) && !ctx)
        r = mg_fail(MG_E_INPUT, "%s cannot use the server credentials: %s", stack->name,
                    why.native_text);
    unsigned port = 0;
    if (mg_ok(r)) r = mg_tcp_listen(a->host, a->port, false, &listen_fd, &port);
    if (mg_ok(r)) {
        printf("serving %s as TLS %s server on %s port %u\n", stack->name,
               config.tls == MG_TLS12 ? "1.2" : "1.3", a->host, port);
        fflush(stdout);
        struct sigaction sa = {.sa_handler = on_signal};
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGHUP, &sa, NULL);
        mg_tcp_serve_options so = {a->count, a->timeout, &stop_requested, print_served, NULL};
        r = mg_tcp_serve_loop(stack, ctx, listen_fd, &so);
    }
    if (!mg_ok(r)) fprintf(stderr, "mtlsgrid: serve: %s\n", mg_error_message());
    if (listen_fd >= 0) close(listen_fd);
    if (ctx) stack->context_free(ctx);
    mg_side_source_free(&storage);
    return mg_exit_code(r);
}

const cli_command mg_cmd_serve = {
    "serve", NULL,
    "Play the server side of a case over TCP on loopback; answer each connection with HTTP 200 "
    "and the verdict, print each connection's verdict.",
    CLI_OPTIONS(serve_options), sizeof(serve_args), serve_defaults, 0, 0, run_serve,
};
