/* Judgements of a peer's chain remembered within a process (a worker), so that the same chain
 * judged by the same side is verified once, not once per case. NSS checks every signature of
 * a chain on every verification and imports each public key into the softoken, which
 * validates the point (lib/softoken/pkcs11.c, EC_ValidatePublicKey): in the matrix that was
 * half of NSS's handshake, and a chain recurs for every peer stack and both TLS versions.
 *
 * A judgement is what on_auth_certificate (nss_auth.c) gives back and leaves behind: its
 * status, the error NSS then sends an alert for, and the session's verify record. It depends
 * on nothing but what the key covers:
 * - the judging context: every field the judgement reads (policy, role, name, depth, the
 *   pinned time) and every certificate it can see in NSS's process-wide store while it
 *   runs: its own chain (alive with its session), its anchors, CRLs and OCSP response
 *   (mg_nss_judge_digest, made once per context);
 * - the chain the peer sent, as received, in order;
 * - when the peer is an NSS session of this process (nss-nss), that session's context too,
 *   whose certificates are in the store as well. With any other NSS session alive, nothing
 *   is remembered (never the case in the matrix, where a case is one pair).
 * Not remembered: a side verifying at the wall clock, a client that judges a staple (NSS
 * judges its freshness by the wall clock whatever time it is given, see nss_stack.c), and a
 * second judgement in one session. A change to what nss_auth.c, nss_trust.c or
 * nss_revocation.c read must be reflected in mg_nss_judge_digest. */
#include "nss_internal.h"

#include <sechash.h>

#include <string.h>

#define JUDGED_SLOTS 4096 /* direct-mapped: a collision replaces the older judgement */

typedef struct {
    bool used;
    unsigned char key[MG_NSS_DIGEST_LEN];
    mg_nss_judgement judgement;
} judged_slot;

static judged_slot judged[JUDGED_SLOTS];
static size_t reused; /* judgements given again, for tests */

size_t mg_nss_judgements_reused(void) { return reused; }

/* Sessions alive in this process, to know whose certificates share the store. */
#define LIVE_MAX 2
static const mg_session *live[LIVE_MAX];
static unsigned live_count, live_overflow;

void mg_nss_live_add(const mg_session *s)
{
    if (live_count < LIVE_MAX) live[live_count++] = s;
    else live_overflow++;
}

void mg_nss_live_remove(const mg_session *s)
{
    for (unsigned i = 0; i < live_count; i++) {
        if (live[i] != s) continue;
        live[i] = live[--live_count];
        return;
    }
    if (live_overflow) live_overflow--;
}

static void hash_bytes(HASHContext *h, const void *data, size_t len)
{
    unsigned char n[8];
    for (int i = 0; i < 8; i++) n[i] = (unsigned char)((uint64_t)len >> (8 * i));
    HASH_Update(h, n, sizeof n);
    if (len) HASH_Update(h, data, (unsigned)len);
}

static void hash_number(HASHContext *h, int64_t v) { hash_bytes(h, &v, sizeof v); }

static void hash_text(HASHContext *h, const char *text)
{
    hash_number(h, text != NULL);
    if (text) hash_bytes(h, text, strlen(text));
}

static void hash_ders(HASHContext *h, const mg_nss_ders *ders)
{
    hash_number(h, (int64_t)ders->count);
    for (size_t i = 0; i < ders->count; i++)
        hash_bytes(h, ders->items[i].data, ders->items[i].len);
}

static bool hash_end(HASHContext *h, unsigned char out[MG_NSS_DIGEST_LEN])
{
    unsigned len = 0;
    HASH_End(h, out, &len, MG_NSS_DIGEST_LEN);
    HASH_Destroy(h);
    return len == MG_NSS_DIGEST_LEN;
}

void mg_nss_judge_digest(mg_context *ctx)
{
    const mg_side_config *c = &ctx->config;
    ctx->judge_digest_ok = false;
    /* The wall clock, and a staple judged by it, make a judgement of its instant only. */
    if (!c->pin_time) return;
    if (c->role == MG_ROLE_CLIENT && c->require_ocsp && c->policy == MG_POLICY_STRICT) return;
    HASHContext *h = HASH_Create(HASH_AlgSHA256);
    if (!h) return;
    HASH_Begin(h);
    hash_text(h, "mtlsgrid nss judgement 1");
    hash_number(h, c->role);
    hash_number(h, c->policy);
    hash_number(h, c->limit_depth);
    hash_number(h, c->limit_depth ? c->max_depth : 0);
    hash_number(h, c->verify_time);
    hash_number(h, c->require_ocsp);
    hash_text(h, c->server_name);
    hash_ders(h, &ctx->own_chain);
    hash_ders(h, &ctx->anchors);
    hash_ders(h, &ctx->crls);
    hash_bytes(h, ctx->ocsp.data, ctx->ocsp.len);
    ctx->judge_digest_ok = hash_end(h, ctx->judge_digest);
}

/* The other NSS session whose certificates share the store: *other NULL when there is none;
 * false when there are more than one. */
static bool store_peer(const mg_session *s, const mg_session **other)
{
    *other = NULL;
    if (live_overflow) return false;
    for (unsigned i = 0; i < live_count; i++) {
        if (live[i] == s) continue;
        if (*other) return false;
        *other = live[i];
    }
    return true;
}

bool mg_nss_judgement_key(const mg_session *s, PRFileDesc *fd, PRBool check_sig,
                          PRBool is_server, unsigned char key[MG_NSS_DIGEST_LEN])
{
    const mg_session *other = NULL;
    if (!s->ctx->judge_digest_ok || s->verify.seen || !store_peer(s, &other)) return false;
    if (other && !other->ctx->judge_digest_ok) return false;
    CERTCertList *chain = SSL_PeerCertificateChain(fd);
    if (!chain) return false;
    HASHContext *h = HASH_Create(HASH_AlgSHA256);
    if (!h) {
        CERT_DestroyCertList(chain);
        return false;
    }
    HASH_Begin(h);
    hash_bytes(h, s->ctx->judge_digest, MG_NSS_DIGEST_LEN);
    hash_number(h, check_sig);
    hash_number(h, is_server);
    hash_number(h, other != NULL);
    if (other) hash_bytes(h, other->ctx->judge_digest, MG_NSS_DIGEST_LEN);
    for (CERTCertListNode *n = CERT_LIST_HEAD(chain); !CERT_LIST_END(n, chain);
         n = CERT_LIST_NEXT(n))
        hash_bytes(h, n->cert->derCert.data, n->cert->derCert.len);
    CERT_DestroyCertList(chain);
    return hash_end(h, key);
}

static judged_slot *slot_of(const unsigned char key[MG_NSS_DIGEST_LEN])
{
    unsigned index = ((unsigned)key[0] | (unsigned)key[1] << 8) % JUDGED_SLOTS;
    return &judged[index];
}

bool mg_nss_judgement_find(const unsigned char key[MG_NSS_DIGEST_LEN], mg_nss_judgement *out)
{
    const judged_slot *slot = slot_of(key);
    if (!slot->used || memcmp(slot->key, key, MG_NSS_DIGEST_LEN) != 0) return false;
    *out = slot->judgement;
    reused++;
    return true;
}

void mg_nss_judgement_keep(const unsigned char key[MG_NSS_DIGEST_LEN],
                           const mg_nss_judgement *judgement)
{
    judged_slot *slot = slot_of(key);
    slot->used = true;
    memcpy(slot->key, key, MG_NSS_DIGEST_LEN);
    slot->judgement = *judgement;
}
