/* What the wolfSSL flight server, its fixed hello and the recorder share. */
#ifndef MG_FLIGHT_WOLFSSL_INTERNAL_H
#define MG_FLIGHT_WOLFSSL_INTERNAL_H

#include "wolfssl_fuzz.h"

#include <wolfssl/ssl.h>

/* One session's transport: what it reads (up to two buffers, one after the other) and where
 * what it writes goes (NULL: discarded). At the end of the input a server sees the end of the
 * stream; a client (close_at_end false) is told to wait for more, so that it stops with its
 * flight written. */
typedef struct {
    const uint8_t *in[2];
    size_t in_len[2], part, pos;
    bool close_at_end;
    mg_bytes *out;
} mg_flight_wolfssl_pipe;

/* A TLS 1.2-only context on the deterministic device, over mg_flight_wolfssl_pipe; the server
 * one holds the fixture credential and client trust and requires a client certificate. */
WOLFSSL_CTX *mg_flight_wolfssl_ctx(bool server);
/* A session of ctx over pipe (which must outlive it). */
WOLFSSL *mg_flight_wolfssl_session(WOLFSSL_CTX *ctx, mg_flight_wolfssl_pipe *pipe);
/* Starts a client on ctx at MG_FLIGHT_CLIENT_SEED; its hello is appended to hello. */
WOLFSSL *mg_flight_wolfssl_client_start(WOLFSSL_CTX *ctx, mg_flight_wolfssl_pipe *pipe,
                                        mg_bytes *hello);

/* The fixed ClientHello the server is fed first (made on first use, kept). */
const mg_bytes *mg_flight_wolfssl_hello(void);

#endif
