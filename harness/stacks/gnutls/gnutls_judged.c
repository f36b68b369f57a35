/* Judgements of a peer's chain remembered within a process (a worker), under both policies
 * (gnutls_verify.c): the same chain judged by a side that reads alike is verified by
 * gnutls_certificate_verify_peers once, not once per case (it was a third of GnuTLS's handshake
 * in the matrix, where a chain recurs for every peer stack, both TLS versions and every
 * scenario that changes only the other side).
 *
 * What is remembered is what gnutls_certificate_verify_peers returned and the status it gave.
 * The key covers everything that call reads: the credentials (trust list, CRLs, verify flags
 * and limits: by their serial, unique for the life of the process, as contexts with the same
 * files and settings share them), the verification profile of the session's priority (the
 * policy names it, gnutls_stack.c; the verification does not read the TLS version the priority
 * also names, so both versions share a judgement) and role, the typed data (purpose, host
 * name or address), the pinned instant GnuTLS reads its clock at (gnutls_time.c) and the chain
 * the peer sent, in order. Not
 * remembered: a side at the wall clock, a client that requires a staple, and any session that
 * received a stapled OCSP response (the verification judges it and marks the session, which
 * gnutls_ocsp_status_request_is_checked reads later). */
#include "gnutls_internal.h"

#include <gnutls/crypto.h>

#include <string.h>

#define JUDGED_SLOTS 4096 /* direct-mapped: a collision replaces the older judgement */
#define KEY_LEN 32        /* SHA-256 */

typedef struct {
    bool used;
    unsigned char key[KEY_LEN];
    int rc;
    unsigned status;
} judged_slot;

static judged_slot judged[JUDGED_SLOTS];

static void hash_bytes(gnutls_hash_hd_t h, const void *data, size_t len)
{
    unsigned char n[8];
    for (int i = 0; i < 8; i++) n[i] = (unsigned char)((uint64_t)len >> (8 * i));
    gnutls_hash(h, n, sizeof n);
    if (len) gnutls_hash(h, data, len);
}

static void hash_number(gnutls_hash_hd_t h, int64_t v) { hash_bytes(h, &v, sizeof v); }

static bool rememberable(const mg_gnutls_session *s)
{
    const mg_side_config *c = &s->ctx->config;
    gnutls_datum_t staple;
    return mg_remember_judgements() && c->pin_time && !c->require_ocsp &&
           gnutls_ocsp_status_request_get2(s->tls, 0, &staple) < 0;
}

static bool key_of(const mg_gnutls_session *s, unsigned char key[KEY_LEN])
{
    const mg_side_config *c = &s->ctx->config;
    unsigned count = 0;
    const gnutls_datum_t *peers = gnutls_certificate_get_peers(s->tls, &count);
    if (!peers || count == 0 || !rememberable(s)) return false;
    gnutls_hash_hd_t h;
    if (gnutls_hash_init(&h, GNUTLS_DIG_SHA256) < 0) return false;
    hash_bytes(h, "mtlsgrid gnutls judgement 1", 27);
    hash_number(h, (int64_t)s->ctx->cred->serial);
    hash_number(h, c->role);
    hash_number(h, c->policy);
    hash_number(h, c->verify_time);
    hash_number(h, s->vdata_count);
    for (unsigned i = 0; i < s->vdata_count; i++) {
        const gnutls_typed_vdata_st *d = &s->vdata[i];
        hash_number(h, d->type);
        hash_bytes(h, d->data, d->size ? d->size : strlen((const char *)d->data));
    }
    hash_number(h, count);
    for (unsigned i = 0; i < count; i++) hash_bytes(h, peers[i].data, peers[i].size);
    gnutls_hash_deinit(h, key);
    return true;
}

static judged_slot *slot_of(const unsigned char key[KEY_LEN])
{
    return &judged[((unsigned)key[0] | (unsigned)key[1] << 8) % JUDGED_SLOTS];
}

int mg_gnutls_verify_peers(mg_gnutls_session *s, unsigned *status)
{
    unsigned char key[KEY_LEN];
    bool keyed = key_of(s, key);
    judged_slot *slot = keyed ? slot_of(key) : NULL;
    if (slot && slot->used && memcmp(slot->key, key, KEY_LEN) == 0) {
        *status = slot->status;
        return slot->rc;
    }
    *status = 0;
    int rc = gnutls_certificate_verify_peers(s->tls, s->vdata, s->vdata_count, status);
    if (slot) *slot = (judged_slot){true, {0}, rc, *status}, memcpy(slot->key, key, KEY_LEN);
    return rc;
}
