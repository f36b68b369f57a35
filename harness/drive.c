#include "drive.h"

#include "alert_names.h"

#include <stdio.h>
#include <string.h>

/* Each side runs a short program: handshake, then the client sends and the server answers.
 * Steps run in turn, one per side per turn, until both finish, or a turn moves nothing. */
typedef enum { STEP_HANDSHAKE, STEP_FIRST_IO, STEP_SECOND_IO, STEP_FINISHED, STEP_FAILED } step;

typedef struct {
    const mg_stack *stack;
    mg_session *session;
    bool is_client;
    step at;
} side_program;

static const char ping[] = "ping\n";
static const char pong[] = "pong\n";

/* The client sends first, then reads; the server reads, then sends. */
static mg_io_status run_io(side_program *p, bool sending)
{
    const char *message = p->is_client ? ping : pong;
    if (sending) return p->stack->send(p->session, message, strlen(message));
    char buf[64];
    size_t got = 0;
    mg_io_status st = p->stack->recv(p->session, buf, sizeof buf, &got);
    return (st == MG_IO_DONE && got == 0) ? MG_IO_FAILED : st;
}

static bool advance(side_program *p)
{
    mg_io_status st;
    switch (p->at) {
    case STEP_HANDSHAKE: st = p->stack->handshake(p->session); break;
    case STEP_FIRST_IO: st = run_io(p, p->is_client); break;
    case STEP_SECOND_IO: st = run_io(p, !p->is_client); break;
    default: return false;
    }
    if (st == MG_IO_WANT) return false;
    p->at = st == MG_IO_FAILED ? STEP_FAILED : p->at + 1;
    return true;
}

static bool done(const side_program *p) { return p->at == STEP_FINISHED || p->at == STEP_FAILED; }

/* Bounded: a handshake needs a handful of turns; a stall ends the loop earlier. */
#define MG_DRIVE_MAX_TURNS 256

void mg_drive_in_memory(const mg_stack *client_stack, mg_context *client_ctx,
                        const mg_stack *server_stack, mg_context *server_ctx,
                        const mg_pipe_tap *tap, mg_pair_result *out)
{
    mg_pair_result_init(out);
    mg_memory_pipe pipe;
    mg_memory_pipe_init(&pipe, tap);
    mg_transport client_io = mg_memory_pipe_client(&pipe);
    mg_transport server_io = mg_memory_pipe_server(&pipe);
    side_program client = {client_stack, NULL, true, STEP_HANDSHAKE};
    side_program server = {server_stack, NULL, false, STEP_HANDSHAKE};

    if (!mg_ok(server_stack->session_new(server_ctx, &server_io, &server.session, &out->server)) ||
        !server.session) {
        out->server.state = MG_SIDE_SETUP_FAILED;
        goto finish;
    }
    if (!mg_ok(client_stack->session_new(client_ctx, &client_io, &client.session, &out->client)) ||
        !client.session) {
        out->client.state = MG_SIDE_SETUP_FAILED;
        goto finish;
    }
    for (int turn = 0; turn < MG_DRIVE_MAX_TURNS && !(done(&client) && done(&server)); turn++) {
        size_t moved_before = pipe.bytes_moved;
        bool stepped = advance(&client);
        stepped |= advance(&server);
        if (!stepped && pipe.bytes_moved == moved_before) break;
    }
    client_stack->outcome(client.session, &out->client);
    server_stack->outcome(server.session, &out->server);
    if (client.at != STEP_FINISHED && out->client.state == MG_SIDE_OK)
        out->client.state = MG_SIDE_INCOMPLETE;
    if (server.at != STEP_FINISHED && out->server.state == MG_SIDE_OK)
        out->server.state = MG_SIDE_INCOMPLETE;

finish:
    out->verdict = mg_verdict_from_sides(&out->client, &out->server,
                                         client.at == STEP_FINISHED && server.at == STEP_FINISHED);
    mg_describe_sides(&out->client, &out->server, out->reason_text, sizeof out->reason_text);
    if (client.session) client_stack->session_free(client.session);
    if (server.session) server_stack->session_free(server.session);
    mg_memory_pipe_free(&pipe);
}

mg_verdict mg_verdict_from_sides(const mg_side_outcome *client, const mg_side_outcome *server,
                                 bool round_trip_done)
{
    if (server->state == MG_SIDE_SETUP_FAILED)
        return (mg_verdict){MG_VERDICT_SERVER_ERROR, server->reason};
    if (client->state == MG_SIDE_SETUP_FAILED)
        return (mg_verdict){MG_VERDICT_CLIENT_ERROR, client->reason};
    if (server->state == MG_SIDE_REJECTED_PEER)
        return (mg_verdict){MG_VERDICT_SERVER_REJECTS, server->reason};
    if (client->state == MG_SIDE_REJECTED_PEER)
        return (mg_verdict){MG_VERDICT_CLIENT_REJECTS, client->reason};
    if (round_trip_done && client->state == MG_SIDE_OK && server->state == MG_SIDE_OK)
        return (mg_verdict){MG_VERDICT_OK, MG_REASON_NONE};
    return (mg_verdict){MG_VERDICT_PROTOCOL, MG_REASON_OTHER};
}

static const char *const state_names[] = {
    [MG_SIDE_OK] = "completed",
    [MG_SIDE_SETUP_FAILED] = "could not start",
    [MG_SIDE_REJECTED_PEER] = "rejected the peer",
    [MG_SIDE_FAILED] = "failed",
    [MG_SIDE_INCOMPLETE] = "did not finish",
};

int mg_describe_side(const char *who, const mg_side_outcome *o, char *buf, size_t len)
{
    char sent[48], received[48];
    int n = snprintf(buf, len, "%s %s", who, state_names[o->state]);
    if (o->reason != MG_REASON_NONE && n >= 0 && (size_t)n < len)
        n += snprintf(buf + n, len - (size_t)n, " (%s)", mg_reason_name(o->reason));
    if (o->native_text[0] && n >= 0 && (size_t)n < len)
        n += snprintf(buf + n, len - (size_t)n, ": %s [native %ld]", o->native_text,
                      o->native_code);
    if ((o->alert_sent != MG_NO_ALERT || o->alert_received != MG_NO_ALERT) && n >= 0 &&
        (size_t)n < len)
        n += snprintf(buf + n, len - (size_t)n, "; alert sent %s, received %s",
                      mg_alert_name(o->alert_sent, sent, sizeof sent),
                      mg_alert_name(o->alert_received, received, sizeof received));
    return n;
}

void mg_describe_sides(const mg_side_outcome *client, const mg_side_outcome *server, char *buf,
                       size_t len)
{
    int n = mg_describe_side("client", client, buf, len);
    if (n >= 0 && (size_t)n + 2 < len) {
        memcpy(buf + n, "; ", 3);
        mg_describe_side("server", server, buf + n + 2, len - (size_t)n - 2);
    }
}

void mg_pair_result_init(mg_pair_result *out)
{
    memset(out, 0, sizeof *out);
    out->client.alert_sent = out->client.alert_received = MG_NO_ALERT;
    out->server.alert_sent = out->server.alert_received = MG_NO_ALERT;
}

static void setup_failed(mg_side_outcome *o)
{
    o->state = MG_SIDE_SETUP_FAILED;
    if (o->reason == MG_REASON_NONE) o->reason = MG_REASON_OTHER;
}

void mg_run_pair(const mg_stack *client_stack, const mg_side_config *client_config,
                 const mg_stack *server_stack, const mg_side_config *server_config,
                 mg_pair_result *out)
{
    mg_pair_result_init(out);
    mg_context *server_ctx = NULL, *client_ctx = NULL;
    mg_result r = server_stack->context_new(server_config, NULL, &server_ctx, &out->server);
    if (!mg_ok(r) || !server_ctx) {
        if (!mg_ok(r)) snprintf(out->server.native_text, sizeof out->server.native_text, "%s",
                                mg_error_message());
        setup_failed(&out->server);
    }
    r = client_stack->context_new(client_config, NULL, &client_ctx, &out->client);
    if (!mg_ok(r) || !client_ctx) {
        if (!mg_ok(r)) snprintf(out->client.native_text, sizeof out->client.native_text, "%s",
                                mg_error_message());
        setup_failed(&out->client);
    }
    if (server_ctx && client_ctx) {
        mg_drive_in_memory(client_stack, client_ctx, server_stack, server_ctx, NULL, out);
    } else {
        out->verdict = mg_verdict_from_sides(&out->client, &out->server, false);
        mg_describe_sides(&out->client, &out->server, out->reason_text, sizeof out->reason_text);
    }
    if (client_ctx) client_stack->context_free(client_ctx);
    if (server_ctx) server_stack->context_free(server_ctx);
}
