/* What the GnuTLS flight server, its fixed hello and the recorder share. Each GnuTLS session
 * lives on one pinned thread (pinned_thread_gnutls.h): GnuTLS's generator is per thread. */
#ifndef MG_FLIGHT_GNUTLS_INTERNAL_H
#define MG_FLIGHT_GNUTLS_INTERNAL_H

#include "gnutls_fuzz.h"

#include <gnutls/gnutls.h>

/* TLS 1.2 only, for both sides. */
gnutls_priority_t mg_flight_gnutls_priority(void);

/* An in-memory stream for one session: reads come from `in` (then EOF, or EAGAIN when
 * would_block), writes are appended to `out` (may be NULL: discarded). */
typedef struct {
    const uint8_t *in;
    size_t in_len, in_pos;
    bool would_block;
    mg_bytes *out;
} mg_flight_gnutls_stream;

/* A session for `end` (GNUTLS_SERVER or GNUTLS_CLIENT), no tickets, the flight priority, these
 * credentials, reading and writing `stream`. */
gnutls_session_t mg_flight_gnutls_session(unsigned end, gnutls_certificate_credentials_t creds,
                                          mg_flight_gnutls_stream *stream);

/* Drives the handshake until it ends, fails, or has nothing more to read (bounded); the last
 * gnutls_handshake() result. */
int mg_flight_gnutls_handshake(gnutls_session_t session, const mg_flight_gnutls_stream *stream);

/* Runs a client with these credentials on a thread pinned at MG_FLIGHT_CLIENT_SEED: it sends
 * its hello, reads server_flight (may be empty), sends what follows. Everything it wrote is
 * appended to client_out. */
void mg_flight_gnutls_run_client(gnutls_certificate_credentials_t creds,
                                 const mg_bytes *server_flight, mg_bytes *client_out);

/* The fixed ClientHello the server is fed first (made on first use, kept). */
const mg_bytes *mg_flight_gnutls_hello(void);

#endif
