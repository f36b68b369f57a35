/* The client-certificate flight: a TLS 1.2 server that requires a client certificate and
 * verifies it against the fixture's client root at the fixture time. A fixed ClientHello
 * (made once by a real client of the same stack with deterministic randomness) is fed
 * first; the server answers ServerHello..ServerHelloDone; then the input arrives as the
 * client's flight (Certificate, ClientKeyExchange, CertificateVerify, ChangeCipherSpec,
 * Finished, then application data). The server's randomness is deterministic too, so a
 * recorded flight (tools/make_seeds.c) completes the handshake, and a mutated one gets as
 * far as its bytes allow. */
#ifndef MG_FLIGHT_H
#define MG_FLIGHT_H

#include "bytes.h"

#include <stdbool.h>

/* Serves one connection; true when the handshake completed. server_out (may be NULL) gets
 * every byte the server wrote. */
bool mg_flight_openssl_serve(const uint8_t *flight, size_t len, mg_bytes *server_out);
bool mg_flight_gnutls_serve(const uint8_t *flight, size_t len, mg_bytes *server_out);

/* The fixed ClientHello each server is fed first (made on first use, kept). */
const mg_bytes *mg_flight_openssl_hello(void);
const mg_bytes *mg_flight_gnutls_hello(void);

/* Records the flight a client holding this credential (PEM files: leaf then chain, key)
 * sends after the fixed hello, as the target would receive it. Fails when the client's
 * hello differs from the fixed one (then no recording can be valid). */
#include "mg_result.h"
MG_RESULT mg_flight_openssl_record(const char *chain_file, const char *key_file, mg_bytes *flight);
MG_RESULT mg_flight_gnutls_record(const char *chain_file, const char *key_file, mg_bytes *flight);

#endif
