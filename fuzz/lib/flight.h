/* The flight entry (mg_fuzz_<stack>_flight, fuzz_entry.h), the client-certificate flight: a
 * TLS 1.2 server that requires a client certificate and verifies it against the fixture's
 * client root at the fixture time. A fixed ClientHello (made once by a real client of the
 * same stack with deterministic randomness) is fed first; the server answers
 * ServerHello..ServerHelloDone; then the input arrives as the client's flight (Certificate,
 * ClientKeyExchange, CertificateVerify, ChangeCipherSpec, Finished, then application data).
 * The server's randomness is deterministic too, so a recorded flight (tools/make_seeds.c)
 * completes the handshake, and a mutated one gets as far as its bytes allow.
 *
 * A stack with the flight entry also defines, for the seed maker:
 *   mg_fuzz_<stack>_flight_serve   an mg_flight_serve_fn (the target's own server)
 *   mg_fuzz_<stack>_flight_record  an mg_flight_record_fn */
#ifndef MG_FLIGHT_H
#define MG_FLIGHT_H

#include "bytes.h"
#include "fuzz_entry.h"
#include "mg_result.h"

#include <stdbool.h>

/* Serves one connection; true when the handshake completed. server_out (may be NULL) gets
 * every byte the server wrote. */
typedef bool mg_flight_serve_fn(const uint8_t *flight, size_t len, mg_bytes *server_out);

/* Records the flight a client holding this credential (PEM files: leaf then chain, key)
 * sends after the fixed hello, as the target would receive it. Fails when the client's
 * hello differs from the fixed one (then no recording can be valid); fails with MG_E_INPUT
 * when the stack refuses the credential. */
typedef mg_result mg_flight_record_fn(const char *chain_file, const char *key_file,
                                     mg_bytes *flight);

#endif
