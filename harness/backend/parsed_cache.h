/* Parsed credential files kept for reuse across contexts in one process, so that a worker
 * parses client/key.pem once and not once per case. The caller owns the cache (the context
 * cache of a worker makes one); a backend stores whatever its stack can share: OpenSSL's
 * reference-counted keys and certificates, GnuTLS's whole credentials.
 *
 * A key names its owner, the settings that shaped the parse and every file read, each with
 * its identity (device, inode, size, modification time): a file rewritten in place is parsed
 * anew; bytes handed over in memory are named by their digest. Bounded, least recently used
 * first out; a dropped entry is released, which only drops the cache's own reference. */
#ifndef MG_PARSED_CACHE_H
#define MG_PARSED_CACHE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct mg_parsed_cache mg_parsed_cache;

mg_parsed_cache *mg_parsed_cache_new(void);
void mg_parsed_cache_free(mg_parsed_cache *cache);

/* A key under construction. One that does not fit, or names a file that cannot be looked at,
 * is `uncacheable`: it never matches and nothing is kept under it. */
typedef struct {
    char text[8192];
    size_t len;
    bool uncacheable;
} mg_parsed_key;

void mg_parsed_key_init(mg_parsed_key *key, const char *owner);
void mg_parsed_key_text(mg_parsed_key *key, const char *text); /* NULL is kept apart from "" */
void mg_parsed_key_int(mg_parsed_key *key, long long value);
void mg_parsed_key_file(mg_parsed_key *key, const char *path); /* path and identity; NULL ok */
/* Bytes given instead of a file (a credential in memory): their length and SHA-256, so equal
 * bytes share one parse and no key material is kept in the cache's key. NULL data ok. */
void mg_parsed_key_bytes(mg_parsed_key *key, const void *data, size_t len);
/* A secret that shaped the parse (a PKCS#12 password): by its digest too, never its text. */
void mg_parsed_key_secret(mg_parsed_key *key, const char *secret);

/* The value kept under `key`, or NULL. Borrowed: valid until the next mg_parsed_cache_keep
 * or free; take a reference of your own to hold it longer. */
void *mg_parsed_cache_find(mg_parsed_cache *cache, const mg_parsed_key *key);

/* Keeps `value` under `key`; the cache then holds one reference and calls release(value)
 * when it drops it. When the value cannot be kept (no cache, key uncacheable, no memory) it is
 * released at once, so the caller must hold its own reference before calling. */
void mg_parsed_cache_keep(mg_parsed_cache *cache, const mg_parsed_key *key, void *value,
                          void (*release)(void *value));

/* What the cache saved: finds that hit and missed, entries kept and dropped to make room. */
typedef struct {
    unsigned long hits, misses, kept, evicted;
} mg_parsed_cache_stats;
mg_parsed_cache_stats mg_parsed_cache_get_stats(const mg_parsed_cache *cache);

#endif
