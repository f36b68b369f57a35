#include "tcp_session.h"

#include "drive.h"
#include "http_text.h"
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

/* Reads once, retrying while the stack only processed non-application data (a TLS 1.3
 * NewSessionTicket): true with *got > 0 when data came, false at the end of the stream. */
static bool read_some(const mg_stack *stack, mg_session *s, char *buf, size_t cap, size_t *got)
{
    *got = 0;
    mg_io_status st = MG_IO_WANT;
    for (int i = 0; i < MAX_STEPS && st == MG_IO_WANT; i++) st = stack->recv(s, buf, cap, got);
    return st == MG_IO_DONE && *got > 0;
}

static void finish(const mg_stack *stack, mg_session *s, mg_role role, bool exchanged,
                   const mg_tcp_stream *stream, mg_tcp_result *out)
{
    stack->outcome(s, &out->side);
    out->verdict = mg_verdict_seen_by(role, &out->side, exchanged);
    mg_describe_side(role == MG_ROLE_CLIENT ? "client" : "server", &out->side, out->reason_text,
                     sizeof out->reason_text);
    if (!stream->timed_out || exchanged) return;
    /* The peer was too slow, whatever the stack made of the stream that stopped. */
    out->verdict = (mg_verdict){MG_VERDICT_TIMEOUT, MG_REASON_NONE};
    size_t n = strlen(out->reason_text);
    snprintf(out->reason_text + n, sizeof out->reason_text - n,
             "; the connection passed its deadline (--timeout)");
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

void mg_tcp_serve_one(const mg_stack *stack, mg_context *ctx, int fd, double deadline,
                      mg_tcp_result *out)
{
    mg_tcp_stream stream = {fd, deadline, false};
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
               read_some(stack, s, request + used, MAX_REQUEST - used, &got)) {
            used += got;
            request[used] = '\0';
        }
        /* The body is the verdict; a response is only possible once the handshake is ok. */
        static const char response[] = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                                       "Content-Length: 3\r\nConnection: close\r\n\r\nok\n";
        int n = (int)strlen(response);
        if (used) stack->send(s, response, (size_t)n);
    }
    finish(stack, s, MG_ROLE_SERVER, done, &stream, out);
    stack->session_free(s);
}

/* Keeps the status code and what the server said: the page's <title> when it is HTML (nginx's
 * "400 The SSL certificate error"), else the first line of the body. */
static void note_response(const char *response, mg_tcp_result *out)
{
    out->http_status = mg_http_status(response);
    mg_http_title(response, out->body, sizeof out->body);
    const char *body = strstr(response, "\r\n\r\n");
    if (!out->body[0] && body)
        snprintf(out->body, sizeof out->body, "%.*s", (int)strcspn(body + 4, "\r\n"), body + 4);
}

void mg_tcp_request_one(const mg_stack *stack, mg_context *ctx, int fd, const char *host,
                        const char *path, double deadline, char *response, size_t cap,
                        mg_tcp_result *out)
{
    mg_tcp_stream stream = {fd, deadline, false};
    mg_transport io;
    mg_session *s = NULL;
    response[0] = '\0';
    if (!open_session(stack, ctx, &stream, &io, &s, MG_ROLE_CLIENT, out)) return;
    bool exchanged = false;
    if (handshake(stack, s) == MG_IO_DONE) {
        char request[2048];
        int n = snprintf(request, sizeof request,
                         "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", path, host);
        size_t used = 0, got = 0;
        bool sent = n > 0 && (size_t)n < sizeof request &&
                    stack->send(s, request, (size_t)n) == MG_IO_DONE;
        if (sent) {
            while (used < cap - 1 && read_some(stack, s, response + used, cap - 1 - used, &got))
                used += got;
        }
        response[used] = '\0';
        exchanged = used > 0; /* the server answered after judging our certificate */
        note_response(response, out);
    }
    finish(stack, s, MG_ROLE_CLIENT, exchanged, &stream, out);
    stack->session_free(s);
}

void mg_tcp_connect_one(const mg_stack *stack, mg_context *ctx, int fd, const char *host,
                        double deadline, mg_tcp_result *out)
{
    char response[4096];
    mg_tcp_request_one(stack, ctx, fd, host, "/", deadline, response, sizeof response, out);
    if (out->verdict.kind == MG_VERDICT_OK && out->http_status >= 400) {
        /* Some servers (nginx's ssl_verify_client) complete the handshake and refuse the
         * client certificate in HTTP instead: still the server rejecting our credentials. */
        out->verdict = (mg_verdict){MG_VERDICT_SERVER_REJECTS, MG_REASON_OTHER};
        size_t n = strlen(out->reason_text);
        snprintf(out->reason_text + n, sizeof out->reason_text - n,
                 "; the server answered HTTP %d after the handshake", out->http_status);
    }
}
