/* A deterministic random source for one OpenSSL library context: every key, ECDSA nonce,
 * PKCS#12 salt and IV the generator makes comes from a stream derived from the seed and a
 * label, so the same seed gives byte-identical output. Never use it for anything real. */
#ifndef MG_DETRAND_H
#define MG_DETRAND_H

#include "mg_result.h"

#include <openssl/types.h>
#include <stddef.h>

/* A private library context whose primary, public and private DRBGs are the deterministic
 * source (the default provider supplies everything else), with the providers it loaded. */
typedef struct {
    OSSL_LIB_CTX *libctx;
    OSSL_PROVIDER *providers[2];
} mg_detrand_ctx;

MG_RESULT mg_detrand_open(mg_detrand_ctx *out);
/* Unloads the providers and frees the context (free everything made in it first). */
void mg_detrand_close(mg_detrand_ctx *ctx);

/* Restarts this thread's stream at (seed, label): what follows depends on nothing else. */
void mg_detrand_reset(const char *seed, const char *label);

/* The next bytes of this thread's stream (also what OpenSSL draws through the DRBGs). */
MG_RESULT mg_detrand_bytes(unsigned char *out, size_t len);

#endif
