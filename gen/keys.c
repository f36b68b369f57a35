/* Key derivation and the per-run key cache. EC and Ed25519 keys come from libcrypto's own
 * key generation drawing on the detrand stream; RSA keys from rsa_derive.c (libcrypto's
 * RSA key generation runs 64 Miller-Rabin rounds per prime: too slow for a 1 s matrix), except
 * the RSA-16384 key, a fixture (fixture_key.c). */
#include "keys.h"

#include "detrand.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mg_cached_key {
    char *label;
    mg_key_type type;
    EVP_PKEY *pkey;
};

const char *mg_key_type_name(mg_key_type type)
{
    switch (type) {
    case MG_KEY_P256: return "p256";
    case MG_KEY_P384: return "p384";
    case MG_KEY_ED25519: return "ed25519";
    case MG_KEY_RSA1024: return "rsa1024";
    case MG_KEY_RSA2048: return "rsa2048";
    case MG_KEY_RSA3072: return "rsa3072";
    case MG_KEY_RSA_PSS2048: return "rsapss2048";
    case MG_KEY_SECT233R1: return "sect233r1";
    case MG_KEY_RSA16384: return "rsa16384";
    }
    return "unknown";
}

static MG_RESULT derive(OSSL_LIB_CTX *libctx, const char *seed, mg_key_type type,
                        const char *label, EVP_PKEY **out)
{
    char stream_label[512];
    snprintf(stream_label, sizeof stream_label, "key:%s:%s", mg_key_type_name(type), label);
    mg_detrand_reset(seed, stream_label);
    *out = NULL;
    switch (type) {
    case MG_KEY_P256: *out = EVP_PKEY_Q_keygen(libctx, NULL, "EC", "P-256"); break;
    case MG_KEY_P384: *out = EVP_PKEY_Q_keygen(libctx, NULL, "EC", "P-384"); break;
    case MG_KEY_ED25519: *out = EVP_PKEY_Q_keygen(libctx, NULL, "ED25519"); break;
    case MG_KEY_RSA1024: return mg_rsa_derive(libctx, 1024, 0, out);
    case MG_KEY_RSA2048: return mg_rsa_derive(libctx, 2048, 0, out);
    case MG_KEY_RSA3072: return mg_rsa_derive(libctx, 3072, 0, out);
    case MG_KEY_RSA_PSS2048: return mg_rsa_derive(libctx, 2048, 1, out);
    case MG_KEY_SECT233R1: *out = EVP_PKEY_Q_keygen(libctx, NULL, "EC", "sect233r1"); break;
    case MG_KEY_RSA16384: return mg_fixture_rsa16384(libctx, out);
    }
    MG_ENSURE(*out != NULL, MG_E_INTERNAL, "%s key generation failed for %s",
              mg_key_type_name(type), label);
    return MG_OK;
}

typedef struct {
    mg_key_type type;
    char *label;
    EVP_PKEY *pkey; /* NULL once taken, or when the derivation failed */
    bool done;
} prefetched_key;

struct mg_key_prefetch {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t made; /* signalled as each key is done */
    OSSL_LIB_CTX *libctx;
    char *seed;
    prefetched_key *keys;
    size_t count;
    atomic_bool stop; /* the cache is being freed: derive no more */
};

static void *prefetch_main(void *arg)
{
    struct mg_key_prefetch *p = arg;
    for (size_t i = 0; i < p->count && !atomic_load(&p->stop); i++) {
        EVP_PKEY *pkey = NULL;
        /* a failure leaves pkey NULL: mg_key_get then derives it itself, and reports why */
        if (!mg_ok(derive(p->libctx, p->seed, p->keys[i].type, p->keys[i].label, &pkey)))
            pkey = NULL;
        pthread_mutex_lock(&p->lock);
        p->keys[i].pkey = pkey;
        p->keys[i].done = true;
        pthread_cond_broadcast(&p->made);
        pthread_mutex_unlock(&p->lock);
    }
    ERR_clear_error(); /* this thread's queue, left empty for nobody */
    return NULL;
}

static void prefetch_free(struct mg_key_prefetch *p)
{
    for (size_t i = 0; i < p->count; i++) {
        EVP_PKEY_free(p->keys[i].pkey);
        free(p->keys[i].label);
    }
    free(p->keys);
    free(p->seed);
    free(p);
}

void mg_key_prefetch(mg_key_cache *cache, OSSL_LIB_CTX *libctx, const char *seed,
                     const mg_key_request *requests, size_t count)
{
    struct mg_key_prefetch *p = cache->prefetch ? NULL : calloc(1, sizeof *p);
    if (!p) return;
    p->libctx = libctx;
    p->seed = strdup(seed);
    p->keys = calloc(count ? count : 1, sizeof *p->keys);
    bool ok = p->seed && p->keys;
    for (size_t i = 0; ok && i < count; i++) {
        p->keys[i].type = requests[i].type;
        ok = (p->keys[i].label = strdup(requests[i].label)) != NULL;
        p->count = i + 1;
    }
    atomic_init(&p->stop, false);
    bool locks = ok && pthread_mutex_init(&p->lock, NULL) == 0;
    bool cond = locks && pthread_cond_init(&p->made, NULL) == 0;
    if (cond && pthread_create(&p->thread, NULL, prefetch_main, p) == 0) {
        cache->prefetch = p;
        return;
    }
    if (cond) pthread_cond_destroy(&p->made);
    if (locks) pthread_mutex_destroy(&p->lock);
    prefetch_free(p); /* no thread: every key is made when it is asked for */
}

/* The key if it is one of those derived ahead (waiting for it), else NULL. */
static EVP_PKEY *take_prefetched(struct mg_key_prefetch *p, mg_key_type type, const char *label)
{
    if (!p) return NULL;
    for (size_t i = 0; i < p->count; i++) {
        prefetched_key *k = &p->keys[i];
        if (k->type != type || strcmp(k->label, label) != 0) continue;
        pthread_mutex_lock(&p->lock);
        while (!k->done) pthread_cond_wait(&p->made, &p->lock);
        EVP_PKEY *pkey = k->pkey;
        k->pkey = NULL;
        pthread_mutex_unlock(&p->lock);
        return pkey;
    }
    return NULL;
}

MG_RESULT mg_key_get(mg_key_cache *cache, OSSL_LIB_CTX *libctx, const char *seed,
                     mg_key_type type, const char *label, EVP_PKEY **out)
{
    for (size_t i = 0; i < cache->count; i++) {
        struct mg_cached_key *k = &cache->entries[i];
        if (k->type == type && strcmp(k->label, label) == 0) {
            *out = k->pkey;
            return MG_OK;
        }
    }
    EVP_PKEY *pkey = take_prefetched(cache->prefetch, type, label);
    if (cache->count == cache->cap) {
        size_t cap = cache->cap ? cache->cap * 2 : 64;
        struct mg_cached_key *grown = realloc(cache->entries, cap * sizeof *grown);
        if (grown == NULL) EVP_PKEY_free(pkey);
        MG_ENSURE(grown != NULL, MG_E_INTERNAL, "out of memory");
        cache->entries = grown;
        cache->cap = cap;
    }
    if (!pkey) MG_GUARD(derive(libctx, seed, type, label, &pkey));
    char *copy = strdup(label);
    if (copy == NULL) {
        EVP_PKEY_free(pkey);
        return mg_fail(MG_E_INTERNAL, "out of memory");
    }
    cache->entries[cache->count++] = (struct mg_cached_key){copy, type, pkey};
    *out = pkey;
    return MG_OK;
}

void mg_key_cache_free(mg_key_cache *cache)
{
    struct mg_key_prefetch *p = cache->prefetch;
    if (p) {
        atomic_store(&p->stop, true);
        pthread_join(p->thread, NULL);
        pthread_cond_destroy(&p->made);
        pthread_mutex_destroy(&p->lock);
        prefetch_free(p);
    }
    for (size_t i = 0; i < cache->count; i++) {
        free(cache->entries[i].label);
        EVP_PKEY_free(cache->entries[i].pkey);
    }
    free(cache->entries);
    *cache = (mg_key_cache){0};
}
