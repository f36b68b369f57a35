#include "parsed_cache.h"

#include <openssl/evp.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Enough for every credential set of the built-in matrix in one worker; x509-limbo's
 * thousands of one-off files cycle through without growing the process. */
#define PARSED_CACHE_ENTRIES 256

typedef struct {
    uint64_t hash;
    char *key; /* NULL: a free slot */
    void *value;
    void (*release)(void *value);
    uint64_t last_used;
} entry;

struct mg_parsed_cache {
    entry entries[PARSED_CACHE_ENTRIES];
    uint64_t clock;
    mg_parsed_cache_stats stats;
};

mg_parsed_cache *mg_parsed_cache_new(void) { return calloc(1, sizeof(mg_parsed_cache)); }

static void entry_drop(entry *e)
{
    if (e->key) e->release(e->value);
    free(e->key);
    *e = (entry){0};
}

void mg_parsed_cache_free(mg_parsed_cache *cache)
{
    if (!cache) return;
    for (size_t i = 0; i < PARSED_CACHE_ENTRIES; i++) entry_drop(&cache->entries[i]);
    free(cache);
}

__attribute__((format(printf, 2, 3))) static void key_append(mg_parsed_key *key,
                                                             const char *fmt, ...);
static void key_append(mg_parsed_key *key, const char *fmt, ...)
{
    if (key->uncacheable) return;
    va_list ap;
    va_start(ap, fmt);
    size_t room = sizeof key->text - key->len;
    int n = vsnprintf(key->text + key->len, room, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= room)
        key->uncacheable = true;
    else
        key->len += (size_t)n;
}

void mg_parsed_key_init(mg_parsed_key *key, const char *owner)
{
    key->len = 0;
    key->uncacheable = false;
    key->text[0] = '\0';
    key_append(key, "%s", owner);
}

/* Fields are length-prefixed, so no path or password can make two keys read alike. */
void mg_parsed_key_text(mg_parsed_key *key, const char *text)
{
    if (text)
        key_append(key, "|%zu:%s", strlen(text), text);
    else
        key_append(key, "|-");
}

void mg_parsed_key_int(mg_parsed_key *key, long long value) { key_append(key, "|%lld", value); }

void mg_parsed_key_file(mg_parsed_key *key, const char *path)
{
    mg_parsed_key_text(key, path);
    struct stat st;
    if (!path) return;
    if (stat(path, &st) != 0) {
        key->uncacheable = true; /* missing: parse it (and fail) every time */
        return;
    }
    key_append(key, "@%llu:%llu:%lld:%lld.%09ld", (unsigned long long)st.st_dev,
               (unsigned long long)st.st_ino, (long long)st.st_size,
               (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec);
}

void mg_parsed_key_bytes(mg_parsed_key *key, const void *data, size_t len)
{
    if (!data) {
        mg_parsed_key_text(key, NULL);
        return;
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_len = 0;
    if (!EVP_Digest(data, len, digest, &digest_len, EVP_sha256(), NULL)) {
        key->uncacheable = true;
        return;
    }
    key_append(key, "|#%zu:", len);
    for (unsigned i = 0; i < digest_len; i++) key_append(key, "%02x", digest[i]);
}

void mg_parsed_key_secret(mg_parsed_key *key, const char *secret)
{
    mg_parsed_key_bytes(key, secret, secret ? strlen(secret) : 0);
}

static uint64_t hash_of(const mg_parsed_key *key)
{
    uint64_t h = 14695981039346656037ull; /* FNV-1a */
    for (size_t i = 0; i < key->len; i++) h = (h ^ (unsigned char)key->text[i]) * 1099511628211ull;
    return h;
}

static entry *lookup(mg_parsed_cache *cache, const mg_parsed_key *key, uint64_t hash)
{
    for (size_t i = 0; i < PARSED_CACHE_ENTRIES; i++) {
        entry *e = &cache->entries[i];
        if (e->key && e->hash == hash && strcmp(e->key, key->text) == 0) return e;
    }
    return NULL;
}

void *mg_parsed_cache_find(mg_parsed_cache *cache, const mg_parsed_key *key)
{
    if (!cache || key->uncacheable) return NULL;
    entry *e = lookup(cache, key, hash_of(key));
    if (!e) {
        cache->stats.misses++;
        return NULL;
    }
    cache->stats.hits++;
    e->last_used = ++cache->clock;
    return e->value;
}

/* A free slot, or the least recently used one emptied. */
static entry *slot_for_new(mg_parsed_cache *cache)
{
    entry *oldest = &cache->entries[0];
    for (size_t i = 0; i < PARSED_CACHE_ENTRIES; i++) {
        entry *e = &cache->entries[i];
        if (!e->key) return e;
        if (e->last_used < oldest->last_used) oldest = e;
    }
    cache->stats.evicted++;
    entry_drop(oldest);
    return oldest;
}

void mg_parsed_cache_keep(mg_parsed_cache *cache, const mg_parsed_key *key, void *value,
                          void (*release)(void *value))
{
    if (!cache || key->uncacheable) {
        release(value);
        return;
    }
    uint64_t hash = hash_of(key);
    entry *e = lookup(cache, key, hash);
    if (e) {
        entry_drop(e); /* kept twice: the newer parse wins */
    } else {
        e = slot_for_new(cache);
    }
    char *copy = strdup(key->text);
    if (!copy) {
        release(value);
        return;
    }
    *e = (entry){hash, copy, value, release, ++cache->clock};
    cache->stats.kept++;
}

mg_parsed_cache_stats mg_parsed_cache_get_stats(const mg_parsed_cache *cache)
{
    return cache ? cache->stats : (mg_parsed_cache_stats){0};
}
