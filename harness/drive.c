#include "drive.h"

#include "alert_names.h"

#include <stdio.h>
#include <string.h>

/* Each side runs a short program of steps: handshake, then the client sends and the server
 * answers. With post-handshake authentication the server asks for the client's certificate
 * once the first message has come (RFC 8446 4.6.2: only after the handshake), answers, and
 * a second exchange follows: the client answers the request while it reads, and the server
 * judges that answer while it reads the second message, so "ok" again needs a round trip
 * after the judgement. Steps run in turn, one per side per turn, until both finish, or a
 * turn moves nothing. */
typedef enum { OP_HANDSHAKE, OP_SEND, OP_RECV, OP_REQUEST_CERT } op;

typedef struct {
    const op *ops;
    size_t count;
} program;

#define PROGRAM(...) {(const op[]){__VA_ARGS__}, sizeof (op[]){__VA_ARGS__} / sizeof(op)}

static const program plain_client = PROGRAM(OP_HANDSHAKE, OP_SEND, OP_RECV);
static const program plain_server = PROGRAM(OP_HANDSHAKE, OP_RECV, OP_SEND);
static const program pha_client = PROGRAM(OP_HANDSHAKE, OP_SEND, OP_RECV, OP_SEND, OP_RECV);
static const program pha_server =
    PROGRAM(OP_HANDSHAKE, OP_RECV, OP_REQUEST_CERT, OP_SEND, OP_RECV, OP_SEND);

typedef struct {
    const mg_stack *stack;
    mg_session *session;
    bool is_client;
    program program;
    size_t at; /* the next step; program.count once finished */
    bool failed;
    bool request_sent; /* server: a post-handshake CertificateRequest went out */
} side_program;

static const char ping[] = "ping\n";
static const char pong[] = "pong\n";

static mg_io_status run_recv(side_program *p)
{
    char buf[64];
    size_t got = 0;
    mg_io_status st = p->stack->recv(p->session, buf, sizeof buf, &got);
    return (st == MG_IO_DONE && got == 0) ? MG_IO_FAILED : st;
}

static mg_io_status run_step(side_program *p)
{
    const char *message = p->is_client ? ping : pong;
    switch (p->program.ops[p->at]) {
    case OP_HANDSHAKE: return p->stack->handshake(p->session);
    case OP_SEND: return p->stack->send(p->session, message, strlen(message));
    case OP_RECV: return run_recv(p);
    case OP_REQUEST_CERT:
        /* planned only for stacks with the capability, which fill the entry */
        if (!p->stack->request_client_cert) return MG_IO_FAILED;
        return p->stack->request_client_cert(p->session, &p->request_sent);
    }
    return MG_IO_FAILED;
}

static bool done(const side_program *p) { return p->failed || p->at == p->program.count; }

static bool advance(side_program *p)
{
    if (done(p)) return false;
    mg_io_status st = run_step(p);
    if (st == MG_IO_WANT) return false;
    if (st == MG_IO_FAILED) p->failed = true;
    else p->at++;
    return true;
}

static bool finished(const side_program *p) { return !p->failed && p->at == p->program.count; }

/* Bounded: a handshake needs a handful of turns; a stall ends the loop earlier. */
#define MG_DRIVE_MAX_TURNS 256

mg_drive_options mg_drive_options_for(const mg_side_config *server)
{
    return (mg_drive_options){.post_handshake_auth = server->ask_after_handshake};
}

void mg_drive_in_memory(const mg_stack *client_stack, mg_context *client_ctx,
                        const mg_stack *server_stack, mg_context *server_ctx,
                        const mg_pipe_tap *tap, mg_pair_result *out)
{
    mg_drive_options plain = {0};
    mg_drive_in_memory_with(client_stack, client_ctx, server_stack, server_ctx, &plain, tap, out);
}

/* One connection. With `offer`, the client offers that saved session before its handshake;
 * with `take`, it keeps the session it ends with; with `seen`, both sides say whether they
 * resumed. */
typedef struct {
    const mg_ticket *offer;
    mg_ticket **take;
    mg_resumption_state *seen; /* [0] client, [1] server */
} resumption_io;

static void drive_one(const mg_stack *client_stack, mg_context *client_ctx,
                      const mg_stack *server_stack, mg_context *server_ctx,
                      const mg_drive_options *options, const mg_pipe_tap *tap,
                      const resumption_io *rio, mg_pair_result *out)
{
    mg_pair_result_init(out);
    mg_memory_pipe pipe;
    mg_memory_pipe_init(&pipe, tap);
    mg_transport client_io = mg_memory_pipe_client(&pipe);
    mg_transport server_io = mg_memory_pipe_server(&pipe);
    bool pha = options->post_handshake_auth;
    side_program client = {client_stack, NULL, true, pha ? pha_client : plain_client, 0, false,
                           false};
    side_program server = {server_stack, NULL, false, pha ? pha_server : plain_server, 0, false,
                           false};

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
    if (rio && rio->offer && client_stack->ticket_offer)
        client_stack->ticket_offer(client.session, rio->offer);
    for (int turn = 0; turn < MG_DRIVE_MAX_TURNS && !(done(&client) && done(&server)); turn++) {
        size_t moved_before = pipe.bytes_moved;
        bool stepped = advance(&client);
        stepped |= advance(&server);
        if (!stepped && pipe.bytes_moved == moved_before) break;
    }
    client_stack->outcome(client.session, &out->client);
    server_stack->outcome(server.session, &out->server);
    if (!finished(&client) && out->client.state == MG_SIDE_OK)
        out->client.state = MG_SIDE_INCOMPLETE;
    if (!finished(&server) && out->server.state == MG_SIDE_OK)
        out->server.state = MG_SIDE_INCOMPLETE;
    out->post_handshake_request_sent = server.request_sent;
    if (rio && rio->take && client_stack->ticket_take && finished(&client))
        *rio->take = client_stack->ticket_take(client.session);
    if (rio && rio->seen && client_stack->resumption_state && server_stack->resumption_state) {
        client_stack->resumption_state(client.session, &rio->seen[0]);
        server_stack->resumption_state(server.session, &rio->seen[1]);
    }

finish:
    out->verdict = mg_verdict_from_sides(&out->client, &out->server,
                                         finished(&client) && finished(&server));
    mg_describe_sides(&out->client, &out->server, out->reason_text, sizeof out->reason_text);
    if (pha) mg_describe_post_handshake(out);
    if (client.session) client_stack->session_free(client.session);
    if (server.session) server_stack->session_free(server.session);
    mg_memory_pipe_free(&pipe);
}

void mg_drive_in_memory_with(const mg_stack *client_stack, mg_context *client_ctx,
                             const mg_stack *server_stack, mg_context *server_ctx,
                             const mg_drive_options *options, const mg_pipe_tap *tap,
                             mg_pair_result *out)
{
    drive_one(client_stack, client_ctx, server_stack, server_ctx, options, tap, NULL, out);
}

static const char *yes_no(bool b) { return b ? "yes" : "no"; }

void mg_drive_resumption(const mg_stack *client_stack, mg_context *client_ctx,
                         const mg_stack *server_stack, mg_context *server_ctx,
                         mg_context *resume_server_ctx, const mg_drive_options *options,
                         mg_pair_result *out)
{
    mg_ticket *ticket = NULL;
    mg_resumption_state first_seen[2] = {{0}}, seen[2] = {{0}};
    resumption_io first_io = {NULL, &ticket, first_seen};
    mg_pair_result first;
    drive_one(client_stack, client_ctx, server_stack, server_ctx, options, NULL, &first_io, &first);
    if (first.verdict.kind != MG_VERDICT_OK) {
        /* Nothing to resume: the first connection's verdict is the case's. */
        *out = first;
        size_t used = strlen(out->reason_text);
        snprintf(out->reason_text + used, sizeof out->reason_text - used,
                 "; resumption: the first connection did not complete, no second one");
        if (ticket) client_stack->ticket_free(ticket);
        return;
    }
    resumption_io second_io = {ticket, NULL, seen};
    drive_one(client_stack, client_ctx, server_stack, resume_server_ctx, options, NULL,
              &second_io, out);
    out->resumption_driven = true;
    out->ticket_issued = ticket != NULL;
    out->resumed_client = seen[0].resumed;
    out->resumed_server = seen[1].resumed;
    size_t used = strlen(out->reason_text);
    snprintf(out->reason_text + used, sizeof out->reason_text - used,
             "; resumption: first connection ok (server peer certificate: %s), session %s; "
             "second connection resumed: client %s, server %s; server peer certificate: %s",
             yes_no(first_seen[1].peer_cert), ticket ? "saved and offered" : "not issued",
             yes_no(seen[0].resumed), yes_no(seen[1].resumed), yes_no(seen[1].peer_cert));
    if (ticket) client_stack->ticket_free(ticket);
}

/* For people: whether the server's post-handshake request went out (a client that did not
 * offer the extension gets none), after the sides' account. */
void mg_describe_post_handshake(mg_pair_result *out)
{
    size_t used = strlen(out->reason_text);
    snprintf(out->reason_text + used, sizeof out->reason_text - used,
             "; post-handshake CertificateRequest %s",
             out->post_handshake_request_sent ? "sent" : "not sent");
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
        mg_drive_options options = mg_drive_options_for(server_config);
        mg_drive_in_memory_with(client_stack, client_ctx, server_stack, server_ctx, &options,
                                NULL, out);
    } else {
        out->verdict = mg_verdict_from_sides(&out->client, &out->server, false);
        mg_describe_sides(&out->client, &out->server, out->reason_text, sizeof out->reason_text);
    }
    if (client_ctx) client_stack->context_free(client_ctx);
    if (server_ctx) server_stack->context_free(server_ctx);
}
