/* One case: both sides' contexts, one handshake over an in-memory pair driven non-blocking in
 * turn, then one application-data round trip each way (TLS 1.3: the server judges the client
 * certificate after the client's handshake returned, so "ok" needs the round trip). */
#ifndef MG_DRIVE_H
#define MG_DRIVE_H

#include "memory_pipe.h"
#include "stack.h"

typedef struct {
    mg_verdict verdict;
    mg_side_outcome client;
    mg_side_outcome server;
    char reason_text[1024]; /* for people: which side saw what, native codes, alerts */
    bool post_handshake_request_sent; /* the server's post-handshake CertificateRequest */
    /* Resumption (mg_drive_resumption): a second connection ran, offering the session the
     * first one left (ticket_issued), and whether each side of it resumed. */
    bool resumption_driven, ticket_issued, resumed_client, resumed_server;
} mg_pair_result;

/* What the connection does beyond one handshake and one round trip. */
typedef struct {
    /* TLS 1.3 post-handshake authentication: after the first message the server asks for
     * the client's certificate (request_client_cert), and a second round trip follows the
     * client's answer. */
    bool post_handshake_auth;
} mg_drive_options;

/* The options a server's config calls for (ask_after_handshake). */
mg_drive_options mg_drive_options_for(const mg_side_config *server);

/* Empty result: no verdict yet, no alerts (alert 0 is close_notify, so "none" is explicit). */
void mg_pair_result_init(mg_pair_result *out);

/* Drives one connection between two ready contexts. `tap` (may be NULL) sees every record
 * byte that crosses the pipe, for captures. */
void mg_drive_in_memory(const mg_stack *client_stack, mg_context *client_ctx,
                        const mg_stack *server_stack, mg_context *server_ctx,
                        const mg_pipe_tap *tap, mg_pair_result *out);
/* The same with options (NULL-free: pass {0} for the plain connection). */
void mg_drive_in_memory_with(const mg_stack *client_stack, mg_context *client_ctx,
                             const mg_stack *server_stack, mg_context *server_ctx,
                             const mg_drive_options *options, const mg_pipe_tap *tap,
                             mg_pair_result *out);

/* Resumption: a first connection to server_ctx; when it is ok, a second one to
 * resume_server_ctx (server_ctx itself, or a stricter server) with the client offering the
 * session the first left. The second connection's result is out's, with what each side of it
 * said about resuming in reason_text; if the first fails, its result is out's. */
void mg_drive_resumption(const mg_stack *client_stack, mg_context *client_ctx,
                         const mg_stack *server_stack, mg_context *server_ctx,
                         mg_context *resume_server_ctx, const mg_drive_options *options,
                         mg_pair_result *out);

/* Appends whether the post-handshake CertificateRequest went out to out->reason_text. */
void mg_describe_post_handshake(mg_pair_result *out);

/* Makes both contexts from their configs, drives the connection, frees the contexts. A side
 * whose context cannot be made gives {client,server}-error with its reason. */
void mg_run_pair(const mg_stack *client_stack, const mg_side_config *client_config,
                 const mg_stack *server_stack, const mg_side_config *server_config,
                 mg_pair_result *out);

/* The verdict from what each side did: setup errors first, then the side that rejected its
 * peer's credentials, then ok only when both completed the round trip, else protocol. */
mg_verdict mg_verdict_from_sides(const mg_side_outcome *client, const mg_side_outcome *server,
                                 bool round_trip_done);

/* One side's account ("client rejected the peer (expired): ...; alert sent ..."); returns
 * the length written, as snprintf does. */
int mg_describe_side(const char *who, const mg_side_outcome *o, char *buf, size_t len);

/* Writes the people's account of both sides (native codes, alerts) into buf. */
void mg_describe_sides(const mg_side_outcome *client, const mg_side_outcome *server, char *buf,
                       size_t len);

#endif
