/* Whether a credential's key matches its leaf, asked of wolfSSL once per process (a worker) for
 * the same bytes. wolfSSL_CTX_check_private_key validates an ECC key in full (wc_ecc_check_key:
 * the point on the curve, its order, the private scalar times the generator), which cost as
 * much as a handshake each time a context or a session's own WOLFSSL_CTX was built; its answer
 * and whether wolfSSL parses the leaf at all depend only on the chain's and the key's bytes and
 * formats, which the remembered answer is keyed by (their SHA-256, never the key itself). */
#include "wolfssl_internal.h"

#include <wolfssl/wolfcrypt/sha256.h>

#include <string.h>

#define CHECKED_SLOTS 256 /* direct-mapped: a collision replaces the older answer */

typedef struct {
    bool used;
    unsigned char digest[WC_SHA256_DIGEST_SIZE];
    bool matches;
} checked_slot;

static checked_slot checked[CHECKED_SLOTS];

static void hash_blob(wc_Sha256 *sha, const mg_wolf_blob *blob)
{
    unsigned char head[12];
    uint64_t len = blob->len;
    for (int i = 0; i < 8; i++) head[i] = (unsigned char)(len >> (8 * i));
    for (int i = 0; i < 4; i++) head[8 + i] = (unsigned char)((unsigned)blob->format >> (8 * i));
    (void)wc_Sha256Update(sha, head, sizeof head);
    (void)wc_Sha256Update(sha, blob->data, (word32)blob->len);
}

static bool digest_of(const mg_wolf_blob *chain, const mg_wolf_blob *key,
                      unsigned char out[WC_SHA256_DIGEST_SIZE])
{
    wc_Sha256 sha;
    if (wc_InitSha256(&sha) != 0) return false;
    hash_blob(&sha, chain);
    hash_blob(&sha, key);
    bool done = wc_Sha256Final(&sha, out) == 0;
    wc_Sha256Free(&sha);
    return done;
}

/* Whether wolfSSL can parse the leaf at all: wolfSSL_CTX_check_private_key parses it again
 * and reports a certificate it cannot parse (an unknown critical extension, ...) as a
 * mismatch (src/ssl.c check_cert_key). Such a certificate is still sent: the peer judges it. */
static bool leaf_parses(const mg_wolf_blob *chain)
{
    WOLFSSL_X509 *leaf = wolfSSL_X509_load_certificate_buffer(chain->data, (int)chain->len,
                                                              chain->format);
    wolfSSL_X509_free(leaf);
    return leaf != NULL;
}

bool mg_wolf_key_matches(WOLFSSL_CTX *wctx, const mg_wolf_blob *chain, const mg_wolf_blob *key)
{
    unsigned char digest[WC_SHA256_DIGEST_SIZE];
    bool keyed = digest_of(chain, key, digest);
    checked_slot *slot = keyed ? &checked[digest[0] % CHECKED_SLOTS] : NULL;
    if (slot && slot->used && memcmp(slot->digest, digest, sizeof digest) == 0)
        return slot->matches;
    bool matches = !leaf_parses(chain) || wolfSSL_CTX_check_private_key(wctx) == WOLFSSL_SUCCESS;
    if (slot) {
        slot->used = true;
        memcpy(slot->digest, digest, sizeof digest);
        slot->matches = matches;
    }
    return matches;
}
