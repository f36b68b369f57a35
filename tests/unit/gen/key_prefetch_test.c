/* Keys derived ahead on another thread are the keys mg_key_get derives itself, given in any
 * order of asking; one never asked for is freed with the cache, one not derived ahead is made
 * on demand, and a cache freed while the thread is still deriving waits for it. */
#include "detrand.h"
#include "keys.h"
#include "mg_test.h"

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <stdlib.h>
#include <string.h>

static const mg_key_request wanted[] = {
    {MG_KEY_RSA2048, "client-rsa2048"},
    {MG_KEY_RSA_PSS2048, "server-rsa-pss"},
    {MG_KEY_RSA1024, "never-asked-for"},
};

/* The key's PKCS#8 encoding, compared byte for byte. */
static bool same_key(EVP_PKEY *a, EVP_PKEY *b)
{
    unsigned char *da = NULL, *db = NULL;
    int la = a ? i2d_PrivateKey(a, &da) : -1, lb = b ? i2d_PrivateKey(b, &db) : -1;
    bool same = la > 0 && la == lb && memcmp(da, db, (size_t)la) == 0;
    OPENSSL_free(da);
    OPENSSL_free(db);
    return same;
}

int main(void)
{
    mg_detrand_ctx detrand;
    CHECK(mg_ok(mg_detrand_open(&detrand)));
    OSSL_LIB_CTX *libctx = detrand.libctx;
    mg_key_cache plain = {0}, ahead = {0};
    mg_key_prefetch(&ahead, libctx, "unit", wanted, sizeof wanted / sizeof wanted[0]);
    CHECK(ahead.prefetch != NULL);
    /* asked for in another order than derived, and one (P-256) that was not derived ahead */
    static const mg_key_request asked[] = {
        {MG_KEY_RSA_PSS2048, "server-rsa-pss"},
        {MG_KEY_P256, "client"},
        {MG_KEY_RSA2048, "client-rsa2048"},
    };
    for (size_t i = 0; i < sizeof asked / sizeof asked[0]; i++) {
        EVP_PKEY *a = NULL, *b = NULL;
        CHECK(mg_ok(mg_key_get(&plain, libctx, "unit", asked[i].type, asked[i].label, &a)));
        CHECK(mg_ok(mg_key_get(&ahead, libctx, "unit", asked[i].type, asked[i].label, &b)));
        CHECK(same_key(a, b));
        EVP_PKEY *again = NULL; /* the second time from the cache: the same object */
        CHECK(mg_ok(mg_key_get(&ahead, libctx, "unit", asked[i].type, asked[i].label, &again)));
        CHECK(again == b);
    }
    EVP_PKEY *other_seed = NULL, *from_unit = NULL;
    mg_key_cache third = {0};
    CHECK(mg_ok(mg_key_get(&third, libctx, "other", MG_KEY_RSA2048, "client-rsa2048",
                           &other_seed)));
    CHECK(mg_ok(mg_key_get(&plain, libctx, "unit", MG_KEY_RSA2048, "client-rsa2048",
                           &from_unit)));
    CHECK(!same_key(other_seed, from_unit)); /* the comparison can tell keys apart */
    mg_key_cache_free(&third);
    mg_key_cache_free(&ahead); /* "never-asked-for" freed here (LeakSanitizer checks) */
    CHECK(ahead.prefetch == NULL && ahead.count == 0);
    mg_key_cache early = {0}; /* freed at once: the thread stops after its current key */
    mg_key_prefetch(&early, libctx, "unit", wanted, sizeof wanted / sizeof wanted[0]);
    mg_key_cache_free(&early);
    mg_key_cache_free(&plain);
    mg_detrand_close(&detrand);
    TEST_END();
}
