/* The parsed cache: a value is found under the key it was kept with and no other (NULL and ""
 * differ, a path's identity is part of the key, so a file rewritten in place misses); a key
 * too long to build never matches; a full cache drops the least recently used entry and
 * releases it; freeing the cache releases what it still holds, once each. Bytes in memory
 * and secrets are keys by their digest: equal bytes anywhere match, other bytes (or none) do
 * not, and neither the bytes nor the secret is in the key's text. */
#include "mg_test.h"

#include "parsed_cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int released[400];

static void release(void *value) { released[(int *)value - (int *)released]++; }
static void *value_of(int i) { return &released[i]; }

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
}

static void key_for(mg_parsed_key *key, const char *password, const char *path)
{
    mg_parsed_key_init(key, "test");
    mg_parsed_key_text(key, password);
    mg_parsed_key_file(key, path);
}

static void test_keys(const char *path)
{
    mg_parsed_cache *cache = mg_parsed_cache_new();
    mg_parsed_key with_null, with_empty, other;
    key_for(&with_null, NULL, path);
    key_for(&with_empty, "", path);
    mg_parsed_cache_keep(cache, &with_null, value_of(0), release);
    CHECK(mg_parsed_cache_find(cache, &with_null) == value_of(0));
    CHECK(mg_parsed_cache_find(cache, &with_empty) == NULL);
    mg_parsed_key_init(&other, "other owner");
    mg_parsed_key_text(&other, NULL);
    mg_parsed_key_file(&other, path);
    CHECK(mg_parsed_cache_find(cache, &other) == NULL);

    /* Same path, new contents and size: a different file as far as the cache knows. */
    write_file(path, "rewritten, and longer than before\n");
    mg_parsed_key rewritten;
    key_for(&rewritten, NULL, path);
    CHECK(mg_parsed_cache_find(cache, &rewritten) == NULL);

    /* A missing file never matches, so its parse is tried (and fails) each time. */
    mg_parsed_key missing;
    key_for(&missing, NULL, "/nonexistent/mtlsgrid/parsed-cache-test");
    CHECK(missing.uncacheable);
    mg_parsed_cache_keep(cache, &missing, value_of(1), release);
    CHECK(released[1] == 1); /* not kept: released at once */
    CHECK(mg_parsed_cache_find(cache, &missing) == NULL);

    mg_parsed_cache_stats stats = mg_parsed_cache_get_stats(cache);
    CHECK(stats.hits == 1 && stats.misses == 3 && stats.kept == 1);
    mg_parsed_cache_free(cache);
    CHECK(released[0] == 1);
}

static void test_overflow(void)
{
    mg_parsed_key key;
    mg_parsed_key_init(&key, "test");
    char long_text[sizeof key.text];
    memset(long_text, 'x', sizeof long_text - 1);
    long_text[sizeof long_text - 1] = '\0';
    mg_parsed_key_text(&key, long_text);
    CHECK(key.uncacheable);
}

/* 300 keys through a cache of 256: the first ones go, each released once; one kept in use
 * stays. */
static void test_eviction(void)
{
    memset(released, 0, sizeof released);
    mg_parsed_cache *cache = mg_parsed_cache_new();
    mg_parsed_key keys[300];
    for (int i = 0; i < 300; i++) {
        mg_parsed_key_init(&keys[i], "test");
        mg_parsed_key_int(&keys[i], i);
        mg_parsed_cache_keep(cache, &keys[i], value_of(i), release);
        CHECK(mg_parsed_cache_find(cache, &keys[0]) == value_of(0)); /* always recent */
    }
    CHECK(mg_parsed_cache_find(cache, &keys[1]) == NULL);
    CHECK(released[1] == 1 && released[0] == 0);
    CHECK(mg_parsed_cache_find(cache, &keys[299]) == value_of(299));
    mg_parsed_cache_stats stats = mg_parsed_cache_get_stats(cache);
    CHECK(stats.kept == 300 && stats.evicted == 300 - 256);
    mg_parsed_cache_free(cache);
    for (int i = 0; i < 300; i++) CHECK(released[i] == 1);
}

static void key_of_bytes(mg_parsed_key *key, const char *bytes, const char *secret)
{
    mg_parsed_key_init(key, "test");
    mg_parsed_key_secret(key, secret);
    mg_parsed_key_file(key, NULL);
    mg_parsed_key_bytes(key, bytes, bytes ? strlen(bytes) : 0);
}

static void test_bytes(void)
{
    static const char key_text[] = "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgE\n";
    char elsewhere[sizeof key_text];
    memcpy(elsewhere, key_text, sizeof key_text);
    mg_parsed_cache *cache = mg_parsed_cache_new();
    mg_parsed_key kept, same, other, none, empty, other_secret;
    key_of_bytes(&kept, key_text, "p12 secret");
    key_of_bytes(&same, elsewhere, "p12 secret");
    elsewhere[sizeof elsewhere - 3] ^= 1;
    key_of_bytes(&other, elsewhere, "p12 secret");
    key_of_bytes(&none, NULL, "p12 secret");
    key_of_bytes(&empty, "", "p12 secret");
    key_of_bytes(&other_secret, key_text, "another secret");
    CHECK(!kept.uncacheable && strstr(kept.text, "PRIVATE KEY") == NULL);
    CHECK(strstr(kept.text, "MIGHAgEA") == NULL && strstr(kept.text, "p12 secret") == NULL);
    mg_parsed_cache_keep(cache, &kept, value_of(350), release);
    CHECK(mg_parsed_cache_find(cache, &same) == value_of(350));
    CHECK(mg_parsed_cache_find(cache, &other) == NULL);
    CHECK(mg_parsed_cache_find(cache, &none) == NULL);
    CHECK(mg_parsed_cache_find(cache, &empty) == NULL);
    CHECK(mg_parsed_cache_find(cache, &other_secret) == NULL);
    mg_parsed_cache_free(cache);
    CHECK(released[350] == 1);
}

int main(void)
{
    char dir[] = "/tmp/mg-parsed-cache-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char path[64];
    snprintf(path, sizeof path, "%s/file.pem", dir);
    write_file(path, "first\n");
    test_keys(path);
    test_overflow();
    test_eviction();
    test_bytes();
    unlink(path);
    rmdir(dir);
    TEST_END();
}
