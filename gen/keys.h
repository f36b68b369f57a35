/* Private keys derived from the seed and a label: the same (seed, label, type) always gives
 * the same key, so certificates that share a label share a key. */
#ifndef MG_KEYS_H
#define MG_KEYS_H

#include "mg_result.h"

#include <openssl/types.h>
#include <stddef.h>

typedef enum {
    MG_KEY_P256 = 0, /* the zero value: the default key type */
    MG_KEY_P384,
    MG_KEY_ED25519,
    MG_KEY_RSA1024,
    MG_KEY_RSA2048,
    MG_KEY_RSA3072,
    MG_KEY_RSA_PSS2048, /* an RSASSA-PSS key (id-RSASSA-PSS), no parameter restrictions */
    MG_KEY_SECT233R1,   /* NIST B-233, a curve over a binary field */
    MG_KEY_RSA16384,    /* one fixed key, whatever the seed (fixture_key.c says why) */
} mg_key_type;

/* "p256", "p384", "ed25519", "rsa1024", ... as written in the manifest. */
const char *mg_key_type_name(mg_key_type type);

/* Keys already made, by label, so a shared label costs one derivation. */
typedef struct {
    struct mg_cached_key *entries;
    size_t count, cap;
    struct mg_key_prefetch *prefetch; /* keys being derived ahead (NULL: none) */
} mg_key_cache;

/* The key for `label` (made on first use). The cache keeps ownership. */
MG_RESULT mg_key_get(mg_key_cache *cache, OSSL_LIB_CTX *libctx, const char *seed,
                     mg_key_type type, const char *label, EVP_PKEY **out);
/* Stops what is still being derived ahead, then frees every key. */
void mg_key_cache_free(mg_key_cache *cache);

/* Derives these keys ahead, on a thread of its own, while the caller goes on: RSA keys take a
 * search for primes (a third of the generator's time) that nothing before their first use
 * needs to wait for. mg_key_get takes each when asked for it (waiting if it is not made yet);
 * the keys are the same as mg_key_get would make (each derivation reads a stream of its own,
 * reset from the seed and its label: detrand_stream.c). Without a thread nothing changes but
 * the time. `libctx` must outlive the cache. */
typedef struct {
    mg_key_type type;
    const char *label;
} mg_key_request;
void mg_key_prefetch(mg_key_cache *cache, OSSL_LIB_CTX *libctx, const char *seed,
                     const mg_key_request *requests, size_t count);

/* The RSA-16384 key of gen/fixtures/rsa16384.pem, built into the program. */
MG_RESULT mg_fixture_rsa16384(OSSL_LIB_CTX *libctx, EVP_PKEY **out);

/* An RSA (or RSA-PSS when pss) key of `bits` from the current detrand stream. */
MG_RESULT mg_rsa_derive(OSSL_LIB_CTX *libctx, int bits, int pss, EVP_PKEY **out);

#endif
