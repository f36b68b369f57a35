/* ECDSA signature checks remembered within a process (a worker). wolfSSL verifies every
 * signature of a peer's chain in every handshake with its generic ECC arithmetic (Debian's
 * build has no curve-specific code), about 1.8 M instructions each, and in the matrix a chain
 * recurs for every peer stack and every scenario that changes only the other side. The hook is
 * wolfSSL's own (HAVE_PK_CALLBACKS, in Debian's build): wolfSSL_CTX_SetEccVerifyCb hands the
 * application each ECDSA check of a handshake, the chain's certificates (ConfirmSignature, after
 * wolfSSL has decoded the signer's key itself) and the peer's CertificateVerify alike. A miss
 * does what wolfSSL does without the callback, and what its own example callback does
 * (wolfssl/test.h myEccVerify): decode the key, wc_ecc_verify_hash. A check depends on nothing
 * but the key, the digest and the signature, so it is keyed by their SHA-256 and holds at any
 * instant, for any trust. MTLSGRID_REMEMBER_JUDGEMENTS=0 leaves the callback out. */
#include "wolfssl_internal.h"

#include <wolfssl/wolfcrypt/asn_public.h>
#include <wolfssl/wolfcrypt/ecc.h>
#include <wolfssl/wolfcrypt/sha256.h>

#include <string.h>

#ifdef HAVE_PK_CALLBACKS

/* Direct-mapped: a collision replaces the older check. CertificateVerify signatures never
 * recur and take slots too, hence room for several times the chains a worker sees. */
#define CHECKED_SLOTS 16384

typedef struct {
    bool used;
    unsigned char digest[WC_SHA256_DIGEST_SIZE];
    int ret, result; /* wc_ecc_verify_hash's return and its verdict */
} checked_slot;

static checked_slot checked[CHECKED_SLOTS];

static void hash_part(wc_Sha256 *sha, const unsigned char *data, word32 len)
{
    unsigned char head[4];
    for (int i = 0; i < 4; i++) head[i] = (unsigned char)(len >> (8 * i));
    (void)wc_Sha256Update(sha, head, sizeof head);
    (void)wc_Sha256Update(sha, data, len);
}

static bool digest_of(const unsigned char *sig, word32 sig_len, const unsigned char *hash,
                      word32 hash_len, const unsigned char *key, word32 key_len,
                      unsigned char out[WC_SHA256_DIGEST_SIZE])
{
    wc_Sha256 sha;
    if (wc_InitSha256(&sha) != 0) return false;
    hash_part(&sha, key, key_len);
    hash_part(&sha, hash, hash_len);
    hash_part(&sha, sig, sig_len);
    bool done = wc_Sha256Final(&sha, out) == 0;
    wc_Sha256Free(&sha);
    return done;
}

static int verify_now(const unsigned char *sig, word32 sig_len, const unsigned char *hash,
                      word32 hash_len, const unsigned char *key, word32 key_len, int *result)
{
    ecc_key peer;
    word32 at = 0;
    int ret = wc_ecc_init(&peer);
    if (ret != 0) return ret;
    ret = wc_EccPublicKeyDecode(key, &at, &peer, key_len);
    if (ret == 0) ret = wc_ecc_verify_hash(sig, sig_len, hash, hash_len, result, &peer);
    wc_ecc_free(&peer);
    return ret;
}

static int remembered_verify(WOLFSSL *ssl, const unsigned char *sig, unsigned int sig_len,
                             const unsigned char *hash, unsigned int hash_len,
                             const unsigned char *key, unsigned int key_len, int *result, void *arg)
{
    (void)ssl, (void)arg;
    unsigned char digest[WC_SHA256_DIGEST_SIZE];
    *result = 0;
    if (!digest_of(sig, sig_len, hash, hash_len, key, key_len, digest))
        return verify_now(sig, sig_len, hash, hash_len, key, key_len, result);
    checked_slot *slot = &checked[((unsigned)digest[0] | (unsigned)digest[1] << 8) % CHECKED_SLOTS];
    if (slot->used && memcmp(slot->digest, digest, sizeof digest) == 0) {
        *result = slot->result;
        return slot->ret;
    }
    int ret = verify_now(sig, sig_len, hash, hash_len, key, key_len, result);
    *slot = (checked_slot){.used = true, .ret = ret, .result = *result};
    memcpy(slot->digest, digest, sizeof digest);
    return ret;
}

void mg_wolf_setup_signature_checks(WOLFSSL_CTX *wctx)
{
    if (mg_remember_judgements()) wolfSSL_CTX_SetEccVerifyCb(wctx, remembered_verify);
}

#else /* a build without PK callbacks: wolfSSL checks every signature itself */

void mg_wolf_setup_signature_checks(WOLFSSL_CTX *wctx) { (void)wctx; }

#endif
