#include "side_config.h"

#include <string.h>

/* A field added to mg_side_config changes its size: then add it to same() and hash(). */
_Static_assert(sizeof(mg_side_config) == 224, "mg_side_config changed: update side_config.c");

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Bytes in memory are the same when they read alike, wherever they lie. */
static bool same_bytes(const mg_memory_file *a, const mg_memory_file *b)
{
    if (!a->data || !b->data) return a->data == b->data && same_text(a->name, b->name);
    return a->len == b->len && memcmp(a->data, b->data, a->len) == 0 && same_text(a->name, b->name);
}

bool mg_side_config_same(const mg_side_config *a, const mg_side_config *b)
{
    return a->role == b->role && a->tls == b->tls && a->policy == b->policy &&
           same_text(a->credential.cert_file, b->credential.cert_file) &&
           same_text(a->credential.key_file, b->credential.key_file) &&
           same_text(a->credential.p12_file, b->credential.p12_file) &&
           same_text(a->credential.p12_password, b->credential.p12_password) &&
           same_bytes(&a->credential_bytes.cert, &b->credential_bytes.cert) &&
           same_bytes(&a->credential_bytes.key, &b->credential_bytes.key) &&
           same_text(a->trust_file, b->trust_file) && same_text(a->crl_file, b->crl_file) &&
           same_text(a->ocsp_file, b->ocsp_file) && a->require_ocsp == b->require_ocsp &&
           same_text(a->server_name, b->server_name) && a->peer_check == b->peer_check &&
           a->limit_depth == b->limit_depth && a->max_depth == b->max_depth &&
           a->pin_time == b->pin_time && a->verify_time == b->verify_time &&
           a->skip_key_check == b->skip_key_check &&
           a->screen_own_credential == b->screen_own_credential &&
           same_text(a->keylog_file, b->keylog_file) &&
           a->offer_post_handshake_auth == b->offer_post_handshake_auth &&
           a->ask_after_handshake == b->ask_after_handshake &&
           a->ca_names == b->ca_names &&
           same_text(a->alt_credential.cert_file, b->alt_credential.cert_file) &&
           same_text(a->alt_credential.key_file, b->alt_credential.key_file) &&
           same_text(a->alt_credential.p12_file, b->alt_credential.p12_file) &&
           same_text(a->alt_credential.p12_password, b->alt_credential.p12_password) &&
           a->resumption == b->resumption;
}

static uint64_t mix(uint64_t h, uint64_t v) { return (h ^ v) * 1099511628211ull; }

static uint64_t mix_text(uint64_t h, const char *s)
{
    if (!s) return mix(h, 0xff);
    for (; *s; s++) h = mix(h, (unsigned char)*s);
    return mix(h, 0);
}

static uint64_t mix_bytes(uint64_t h, const mg_memory_file *b)
{
    if (!b->data) return mix_text(mix(h, 0xfe), b->name);
    for (size_t i = 0; i < b->len; i++) h = mix(h, b->data[i]);
    return mix_text(mix(h, (uint64_t)b->len), b->name);
}

uint64_t mg_side_config_hash(const mg_side_config *c)
{
    uint64_t h = 14695981039346656037ull; /* FNV-1a over the fields same() compares */
    h = mix(h, (uint64_t)c->role);
    h = mix(h, (uint64_t)c->tls);
    h = mix(h, (uint64_t)c->policy);
    h = mix_text(h, c->credential.cert_file);
    h = mix_text(h, c->credential.key_file);
    h = mix_text(h, c->credential.p12_file);
    h = mix_text(h, c->credential.p12_password);
    h = mix_bytes(h, &c->credential_bytes.cert);
    h = mix_bytes(h, &c->credential_bytes.key);
    h = mix_text(h, c->trust_file);
    h = mix_text(h, c->crl_file);
    h = mix_text(h, c->ocsp_file);
    h = mix(h, (uint64_t)c->require_ocsp);
    h = mix_text(h, c->server_name);
    h = mix(h, (uint64_t)c->peer_check);
    h = mix(h, (uint64_t)c->limit_depth);
    h = mix(h, (uint64_t)(int64_t)c->max_depth);
    h = mix(h, (uint64_t)c->pin_time);
    h = mix(h, (uint64_t)c->verify_time);
    h = mix(h, (uint64_t)c->skip_key_check);
    h = mix(h, (uint64_t)c->screen_own_credential);
    h = mix(h, (uint64_t)c->offer_post_handshake_auth);
    h = mix(h, (uint64_t)c->ask_after_handshake);
    h = mix_text(h, c->keylog_file);
    h = mix(h, (uint64_t)c->ca_names);
    h = mix_text(h, c->alt_credential.cert_file);
    h = mix_text(h, c->alt_credential.key_file);
    h = mix_text(h, c->alt_credential.p12_file);
    h = mix_text(h, c->alt_credential.p12_password);
    return mix(h, (uint64_t)c->resumption);
}
