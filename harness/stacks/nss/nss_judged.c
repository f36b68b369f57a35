/* Judgements of a peer's chain remembered within a process (a worker), so that the same chain
 * judged by a side that reads alike is verified once, not once per case. NSS checks every
 * signature of a chain on every verification and imports each public key into the softoken,
 * which validates the point (lib/softoken/pkcs11.c, EC_ValidatePublicKey): in the matrix that
 * was half of NSS's handshake, and a chain recurs for every peer stack, both TLS versions and
 * every scenario that changes only the other side.
 *
 * A judgement is what on_auth_certificate (nss_auth.c) gives back and leaves behind: its
 * status, the error NSS then sends an alert for, and the session's verify record. It depends
 * on nothing but what the key covers:
 * - the judging context: every field the judgement reads (policy, role, name, depth, the
 *   pinned time) and what it puts in place for it: anchors, CRLs, OCSP response
 *   (mg_nss_judge_digest, made once per context);
 * - the chain the peer sent, as received, in order;
 * - every other certificate in NSS's process-wide store that the chain builder could pick:
 *   it looks issuers up by subject, DER for DER (lib/pki/certificate.c find_cert_issuer,
 *   nssTrustDomain_FindCertificatesBySubject), so a certificate can be on a path only if its
 *   subject is the issuer of the peer's leaf or of another such certificate. The only others
 *   in the store are the own chains of the NSS sessions alive (this one's, and the peer's in
 *   nss-nss; what a session received came from the other one): those of them on a possible
 *   path are part of the key, the rest cannot change the result (a client's second
 *   credential, nss_select.c, counts as its own). With more than two sessions
 *   alive, nothing is remembered (never the case in the matrix, where a case is one pair).
 * Not remembered: a side verifying at the wall clock, a client that judges a staple (NSS
 * judges its freshness by the wall clock whatever time it is given, see nss_stack.c), and a
 * second judgement in one session. A change to what nss_auth.c, nss_trust.c or
 * nss_revocation.c read must be reflected in mg_nss_judge_digest. */
#include "nss_internal.h"

#include <sechash.h>

#include <stdlib.h>
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

/* Sessions alive in this process, whose own certificates are in the store. */
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

/* The subject and issuer of each anchor NSS decodes (one it cannot is never in the store:
 * mg_nss_temp_certs leaves it out). The temporary certificate made to read them is gone again
 * when this returns, before any session of the context exists (as in nss_credential.c). */
static MG_RESULT anchor_names(mg_context *ctx)
{
    for (size_t i = 0; i < ctx->anchors.count; i++) {
        CERTCertificate *c = CERT_NewTempCertificate(CERT_GetDefaultCertDB(),
                                                     &ctx->anchors.items[i], NULL, PR_FALSE,
                                                     PR_TRUE);
        if (!c) continue;
        mg_result r = mg_nss_ders_append(&ctx->anchor_subjects, &c->derSubject);
        if (mg_ok(r)) r = mg_nss_ders_append(&ctx->anchor_issuers, &c->derIssuer);
        CERT_DestroyCertificate(c);
        MG_GUARD(r);
    }
    return MG_OK;
}

MG_RESULT mg_nss_judge_digest(mg_context *ctx)
{
    const mg_side_config *c = &ctx->config;
    ctx->judge_digest_ok = false;
    /* The wall clock, and a staple judged by it, make a judgement of its instant only. */
    if (!c->pin_time) return MG_OK;
    if (c->role == MG_ROLE_CLIENT && c->require_ocsp && c->policy == MG_POLICY_STRICT)
        return MG_OK;
    MG_GUARD(anchor_names(ctx));
    HASHContext *h = HASH_Create(HASH_AlgSHA256);
    if (!h) return MG_OK;
    HASH_Begin(h);
    hash_text(h, "mtlsgrid nss judgement 2");
    hash_number(h, c->role);
    hash_number(h, c->policy);
    hash_number(h, c->limit_depth);
    hash_number(h, c->limit_depth ? c->max_depth : 0);
    hash_number(h, c->verify_time);
    hash_number(h, c->require_ocsp);
    hash_text(h, c->server_name);
    hash_ders(h, &ctx->anchors);
    hash_ders(h, &ctx->crls);
    hash_bytes(h, ctx->ocsp.data, ctx->ocsp.len);
    ctx->judge_digest_ok = hash_end(h, ctx->judge_digest);
    return MG_OK;
}

/* The issuer names a path from the peer's leaf may look up, grown to a fixed point. */
typedef struct {
    const SECItem **names;
    size_t count, cap;
} name_set;

static bool name_in(const name_set *set, const SECItem *name)
{
    for (size_t i = 0; i < set->count; i++)
        if (SECITEM_ItemsAreEqual(set->names[i], name)) return true;
    return false;
}

/* Adds name unless present; false when out of memory. *grew says it was new. */
static bool name_add(name_set *set, const SECItem *name, bool *grew)
{
    if (name_in(set, name)) return true;
    if (set->count == set->cap) {
        size_t cap = set->cap ? 2 * set->cap : 8;
        const SECItem **more = realloc(set->names, cap * sizeof *more);
        if (!more) return false;
        set->names = more, set->cap = cap;
    }
    set->names[set->count++] = name;
    *grew = true;
    return true;
}

/* One pass over a certificate list: those whose subject is wanted add their issuer. */
static bool grow_from_list(name_set *wanted, CERTCertList *list, bool *grew)
{
    for (CERTCertListNode *n = CERT_LIST_HEAD(list); !CERT_LIST_END(n, list);
         n = CERT_LIST_NEXT(n))
        if (name_in(wanted, &n->cert->derSubject) &&
            !name_add(wanted, &n->cert->derIssuer, grew))
            return false;
    return true;
}

static bool grow_from_anchors(name_set *wanted, const mg_context *ctx, bool *grew)
{
    for (size_t i = 0; i < ctx->anchor_subjects.count; i++)
        if (name_in(wanted, &ctx->anchor_subjects.items[i]) &&
            !name_add(wanted, &ctx->anchor_issuers.items[i], grew))
            return false;
    return true;
}

/* Every issuer name reachable from the peer's leaf through the received chain, the anchors and
 * the live sessions' own certificates. */
static bool reachable_names(const mg_session *s, CERTCertList *chain, name_set *wanted)
{
    bool grew = false;
    CERTCertListNode *leaf = CERT_LIST_HEAD(chain);
    if (CERT_LIST_END(leaf, chain) || !name_add(wanted, &leaf->cert->derIssuer, &grew))
        return false;
    do {
        grew = false;
        if (!grow_from_list(wanted, chain, &grew) || !grow_from_anchors(wanted, s->ctx, &grew))
            return false;
        for (unsigned i = 0; i < live_count; i++)
            if ((live[i]->own_certs && !grow_from_list(wanted, live[i]->own_certs, &grew)) ||
                (live[i]->alt_certs && !grow_from_list(wanted, live[i]->alt_certs, &grew)))
                return false;
    } while (grew);
    return true;
}

static void hash_reachable_list(HASHContext *h, CERTCertList *list, const name_set *wanted)
{
    if (!list) return;
    for (CERTCertListNode *n = CERT_LIST_HEAD(list); !CERT_LIST_END(n, list);
         n = CERT_LIST_NEXT(n))
        if (name_in(wanted, &n->cert->derSubject))
            hash_bytes(h, n->cert->derCert.data, n->cert->derCert.len);
}

/* The live sessions' own certificates (both credentials of a client that holds two) that a
 * path may reach, in a fixed order. */
static void hash_reachable_own(HASHContext *h, const mg_session *s, const name_set *wanted)
{
    /* This session's first, then the other's: the order of the two roles, not of creation. */
    const mg_session *order[LIVE_MAX] = {s, NULL};
    for (unsigned i = 0; i < live_count; i++)
        if (live[i] != s) order[1] = live[i];
    for (unsigned i = 0; i < LIVE_MAX; i++) {
        hash_number(h, -1 - (int64_t)i); /* which session the certificates below are of */
        if (!order[i]) continue;
        hash_reachable_list(h, order[i]->own_certs, wanted);
        hash_number(h, -3); /* then the second credential's, if any */
        hash_reachable_list(h, order[i]->alt_certs, wanted);
    }
}

static bool key_of_chain(const mg_session *s, CERTCertList *chain, PRBool check_sig,
                         PRBool is_server, unsigned char key[MG_NSS_DIGEST_LEN])
{
    name_set wanted = {NULL, 0, 0};
    bool ok = reachable_names(s, chain, &wanted);
    HASHContext *h = ok ? HASH_Create(HASH_AlgSHA256) : NULL;
    if (h) {
        HASH_Begin(h);
        hash_bytes(h, s->ctx->judge_digest, MG_NSS_DIGEST_LEN);
        hash_number(h, check_sig);
        hash_number(h, is_server);
        for (CERTCertListNode *n = CERT_LIST_HEAD(chain); !CERT_LIST_END(n, chain);
             n = CERT_LIST_NEXT(n))
            hash_bytes(h, n->cert->derCert.data, n->cert->derCert.len);
        hash_reachable_own(h, s, &wanted);
    }
    free(wanted.names);
    return h && hash_end(h, key);
}

bool mg_nss_judgement_key(const mg_session *s, PRFileDesc *fd, PRBool check_sig,
                          PRBool is_server, unsigned char key[MG_NSS_DIGEST_LEN])
{
    if (!mg_remember_judgements() || !s->ctx->judge_digest_ok || s->verify.seen || live_overflow)
        return false;
    CERTCertList *chain = SSL_PeerCertificateChain(fd);
    if (!chain) return false;
    bool keyed = key_of_chain(s, chain, check_sig, is_server, key);
    CERT_DestroyCertList(chain);
    return keyed;
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
