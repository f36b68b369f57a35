/* What the OpenSSL flight server, its fixed hello and the recorder share. */
#ifndef MG_FLIGHT_OPENSSL_INTERNAL_H
#define MG_FLIGHT_OPENSSL_INTERNAL_H

#include "openssl_fuzz.h"

#include <openssl/ssl.h>

/* A TLS 1.2-only context; the server one holds the fixture credential and client trust. */
SSL_CTX *mg_flight_openssl_ctx(bool server);
/* A session over two fresh memory BIOs (owned by the session). */
SSL *mg_flight_openssl_session(SSL_CTX *ctx, BIO **in, BIO **out);
/* Reads everything pending in bio, appending it to `to` (NULL: discards it). */
void mg_flight_openssl_drain(BIO *bio, mg_bytes *to);
/* Starts a client on ctx at MG_FLIGHT_CLIENT_SEED; its hello is appended to hello. */
SSL *mg_flight_openssl_client_start(SSL_CTX *ctx, BIO **in, BIO **out, mg_bytes *hello);

/* The fixed ClientHello the server is fed first (made on first use, kept). */
const mg_bytes *mg_flight_openssl_hello(void);

#endif
