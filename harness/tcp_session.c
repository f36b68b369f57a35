#include "tcp_session.h"

#include "drive.h"
#include "one_side.h"
#include "tcp.h"

#include <stdio.h>
#include <string.h>

/* Bounded: a blocking transport completes a step per call; a few retries cover WANT. */
#define MAX_STEPS 64
#define MAX_REQUEST 16384

static mg_io_status handshake(const mg_stack *stack, mg_session *s)
{
    mg_io_status st = MG_IO_WANT;
    for (int i = 0; i < MAX_STEPS && st == MG_IO_WANT; i++) st = stack->handshake(s);
    return st;
}

static void finish(const mg_stack *stack, mg_session *s, mg_role role, bool exchanged,
                   mg_tcp_result *out)
{
    stack->outcome(s, &out->side);
    out->verdict = mg_verdict_seen_by(role, &out->side, exchanged);
    mg_side_outcome none = {.alert_sent = MG_NO_ALERT, .alert_received = MG_NO_ALERT};
    if (role == MG_ROLE_CLIENT)
        mg_describe_sides(&out->side, &none, out->reason_text, sizeof out->reason_text);
    else
        mg_describe_sides(&none, &out->side, out->reason_text, sizeof out->reason_text);
}

static bool open_session(const mg_stack *stack, mg_context *ctx, mg_tcp_stream *stream,
                         mg_transport *io, mg_session **s, mg_role role, mg_tcp_result *out)
{
    memset(out, 0, sizeof *out);
    out->side.alert_sent = out->side.alert_received = MG_NO_ALERT;
    *io = mg_tcp_transport(stream);
    if (mg_ok(stack->session_new(ctx, io, s, &out->side)) && *s) return true;
    out->side.state = MG_SIDE_SETUP_FAILED;
    out->verdict = mg_verdict_seen_by(role, &out->side, false);
    snprintf(out->reason_text, sizeof out->reason_text, "could not start: %s",
             out->side.native_text);
    return false;
}

void mg_tcp_serve_one(const mg_stack *stack, mg_context *ctx, int fd, mg_tcp_result *out)
{
    mg_tcp_stream stream = {fd};
    mg_transport io;
    mg_session *s = NULL;
    if (!open_session(stack, ctx, &stream, &io, &s, MG_ROLE_SERVER, out)) return;
    /* Once the server's handshake is done the client has accepted the server too: in both
     * versions the client's Finished follows its own verification. */
    bool done = handshake(stack, s) == MG_IO_DONE;
    if (done) {
        char request[MAX_REQUEST + 1] = "";
        size_t used = 0, got = 0;
        while (used < MAX_REQUEST && !strstr(request, "\r\n\r\n") &&
               stack->recv(s, request + used, MAX_REQUEST - used, &got) == MG_IO_DONE && got) {
            used += got;
            request[used] = '\0';
        }
        /* The body is the verdict; a response is only possible once the handshake is ok. */
        static const char response[] = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                                       "Content-Length: 3\r\nConnection: close\r\n\r\nok\n";
        int n = (int)strlen(response);
        if (used) stack->send(s, response, (size_t)n);
    }
    finish(stack, s, MG_ROLE_SERVER, done, out);
    stack->session_free(s);
}

void mg_tcp_connect_one(const mg_stack *stack, mg_context *ctx, int fd, const char *host,
                        mg_tcp_result *out)
{
    mg_tcp_stream stream = {fd};
    mg_transport io;
    mg_session *s = NULL;
    if (!open_session(stack, ctx, &stream, &io, &s, MG_ROLE_CLIENT, out)) return;
    bool exchanged = false;
    if (handshake(stack, s) == MG_IO_DONE) {
        char request[512], response[4096];
        int n = snprintf(request, sizeof request,
                         "GET / HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", host);
        size_t used = 0, got = 0;
        if (stack->send(s, request, (size_t)n) == MG_IO_DONE) {
            while (used < sizeof response - 1 &&
                   stack->recv(s, response + used, sizeof response - 1 - used, &got) ==
                       MG_IO_DONE && got)
                used += got;
        }
        response[used] = '\0';
        exchanged = used > 0; /* the server answered after judging our certificate */
        const char *body = strstr(response, "\r\n\r\n");
        if (body) snprintf(out->body, sizeof out->body, "%.*s", (int)strcspn(body + 4, "\r\n"),
                           body + 4);
    }
    finish(stack, s, MG_ROLE_CLIENT, exchanged, out);
    stack->session_free(s);
}
