/* The stream behind detrand.h: SHA-256 in counter mode over a key made from seed and label.
 * Thread-local, so two threads generating at once do not interleave their streams. */
#include "detrand.h"

#include <openssl/evp.h>
#include <string.h>

typedef struct {
    unsigned char key[32];
    unsigned char block[32];
    size_t used;        /* bytes of block already handed out */
    unsigned long long counter;
} mg_stream;

static _Thread_local mg_stream stream = {.used = sizeof stream.block};

/* Hashes one field with its length first, so "ab"+"c" and "a"+"bc" give different keys. */
static int absorb(EVP_MD_CTX *ctx, const char *text)
{
    unsigned long long len = strlen(text);
    unsigned char prefix[8];
    for (int i = 0; i < 8; i++) prefix[i] = (unsigned char)(len >> (8 * i));
    return EVP_DigestUpdate(ctx, prefix, sizeof prefix) && EVP_DigestUpdate(ctx, text, len);
}

void mg_detrand_reset(const char *seed, const char *label)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned int key_len = 0;
    int ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) && absorb(ctx, "mtlsgrid detrand v1")
             && absorb(ctx, seed) && absorb(ctx, label)
             && EVP_DigestFinal_ex(ctx, stream.key, &key_len);
    EVP_MD_CTX_free(ctx);
    if (!ok) memset(stream.key, 0, sizeof stream.key); /* still deterministic; never secret */
    stream.used = sizeof stream.block;
    stream.counter = 0;
}

static int next_block(void)
{
    unsigned char input[40];
    unsigned int len = 0;
    memcpy(input, stream.key, 32);
    for (int i = 0; i < 8; i++) input[32 + i] = (unsigned char)(stream.counter >> (8 * i));
    stream.counter++;
    stream.used = 0;
    return EVP_Digest(input, sizeof input, stream.block, &len, EVP_sha256(), NULL);
}

MG_RESULT mg_detrand_bytes(unsigned char *out, size_t len)
{
    while (len > 0) {
        if (stream.used == sizeof stream.block)
            MG_ENSURE(next_block(), MG_E_INTERNAL, "detrand: SHA-256 failed");
        size_t take = sizeof stream.block - stream.used;
        if (take > len) take = len;
        memcpy(out, stream.block + stream.used, take);
        stream.used += take;
        out += take;
        len -= take;
    }
    return MG_OK;
}
