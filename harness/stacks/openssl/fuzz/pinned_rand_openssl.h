/* OpenSSL's randomness made deterministic for the flight targets: every RAND_bytes and
 * RAND_priv_bytes (server random, session id, ECDHE key, ECDSA nonce) comes from one
 * mg_det_stream, reset by each call. */
#ifndef MG_PINNED_RAND_OPENSSL_H
#define MG_PINNED_RAND_OPENSSL_H

#include <stdint.h>

/* Installs the deterministic method (first call) and restarts its stream at `seed`. */
void mg_pinned_rand_openssl(uint64_t seed);

#endif
