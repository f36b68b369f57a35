/* Deterministic randomness for wolfSSL's flight entry. Debian's wolfSSL 5.5.4 has no RNG seed
 * hook (no WC_RNG_SEED_CB, no CUSTOM_RAND_GENERATE_BLOCK in options.h), but it is built with
 * WOLF_CRYPTO_CB: a crypto-callback device is asked first by every wc_RNG_GenerateBlock of an
 * RNG made with its device id (random.c), and an SSL's RNG takes its context's (InitSSL:
 * wc_InitRng_ex(ssl->rng, heap, ssl->devId)). This device answers RNG and seed requests from
 * one det_stream and declines everything else (CRYPTOCB_UNAVAILABLE: wolfCrypt's own code
 * runs). Never for anything but fuzzing. */
#ifndef MG_PINNED_RAND_WOLFSSL_H
#define MG_PINNED_RAND_WOLFSSL_H

#include <wolfssl/options.h> /* first: the build's feature macros */

#include <stdint.h>

/* The device id to give wolfSSL_CTX_SetDevId (the device is registered on first use). */
int mg_pinned_rand_wolfssl_device(void);
/* Restarts the stream every RNG of the device reads from. */
void mg_pinned_rand_wolfssl(uint64_t seed);

#endif
