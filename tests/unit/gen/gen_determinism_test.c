/* The same seed gives byte-identical matrices (keys and signatures included); another seed
 * gives other keys. */
#include "gen.h"
#include "manifest.h"
#include "mg_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) return NULL;
    char *buf = NULL;
    size_t cap = 0;
    *len = 0;
    for (;;) {
        if (*len == cap) {
            cap = cap ? cap * 2 : 4096;
            char *grown = realloc(buf, cap);
            if (grown == NULL) break;
            buf = grown;
        }
        size_t got = fread(buf + *len, 1, cap - *len, f);
        if (got == 0) break;
        *len += got;
    }
    fclose(f);
    return buf;
}

/* 1 when both files exist and hold the same bytes. */
static int same_file(const char *a, const char *b)
{
    size_t la = 0, lb = 0;
    char *da = slurp(a, &la), *db = slurp(b, &lb);
    int same = da && db && la == lb && memcmp(da, db, la) == 0;
    free(da);
    free(db);
    return same;
}

static int generate(const char *out, const char *seed)
{
    mg_gen_options options = {.out_dir = out, .seed = seed, .time_mode = MG_TIME_PINNED};
    mg_gen_stats stats;
    mg_result r = mg_gen_matrix(&options, &stats);
    if (!mg_ok(r)) fprintf(stderr, "gen %s: %s\n", out, mg_error_message());
    return mg_ok(r);
}

/* Number of files (of every artifact) that differ between the two matrices. */
static size_t count_differences(const mg_manifest *a, const mg_manifest *b, size_t *compared)
{
    size_t differ = 0;
    *compared = 0;
    for (size_t i = 0; i < a->count; i++) {
        const mg_artifact *x = &a->artifacts[i], *y = mg_manifest_find(b, x->name);
        if (y == NULL) {
            differ++;
            continue;
        }
        const char *fx[] = {x->cert_pem, x->cert_der, x->key_pem, x->chain_pem,
                            x->crl_pem,  x->ocsp_der, x->p12};
        const char *fy[] = {y->cert_pem, y->cert_der, y->key_pem, y->chain_pem,
                            y->crl_pem,  y->ocsp_der, y->p12};
        for (size_t f = 0; f < sizeof fx / sizeof fx[0]; f++) {
            if (!fx[f]) continue;
            (*compared)++;
            if (!fy[f] || !same_file(fx[f], fy[f])) differ++;
        }
    }
    return differ;
}

int main(void)
{
    char dir[] = "/tmp/mg-gen-determinism-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char one[64], two[64], other[64], path_one[96], path_two[96];
    snprintf(one, sizeof one, "%s/one", dir);
    snprintf(two, sizeof two, "%s/two", dir);
    snprintf(other, sizeof other, "%s/other", dir);
    CHECK(generate(one, "determinism"));
    CHECK(generate(two, "determinism"));
    CHECK(generate(other, "another seed"));

    snprintf(path_one, sizeof path_one, "%s/manifest.json", one);
    snprintf(path_two, sizeof path_two, "%s/manifest.json", two);
    CHECK(same_file(path_one, path_two));

    mg_manifest a, b, c;
    CHECK(mg_ok(mg_manifest_load(one, &a)));
    CHECK(mg_ok(mg_manifest_load(two, &b)));
    CHECK(mg_ok(mg_manifest_load(other, &c)));
    size_t compared = 0;
    CHECK(count_differences(&a, &b, &compared) == 0);
    CHECK(compared > 500);
    printf("same seed: %zu files compared, all identical\n", compared);

    /* Another seed: every key and every signed object differs; only the names agree. */
    const char *names[] = {"client", "server-root", "client-rsa2048", "client-ed25519",
                           "server-ocsp-good", "client-p12"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const mg_artifact *x = mg_manifest_find(&a, names[i]), *y = mg_manifest_find(&c, names[i]);
        CHECK(x != NULL && y != NULL);
        if (!x || !y) continue;
        if (x->key_pem) CHECK(!same_file(x->key_pem, y->key_pem));
        if (x->cert_der) CHECK(!same_file(x->cert_der, y->cert_der));
        if (x->ocsp_der) CHECK(!same_file(x->ocsp_der, y->ocsp_der));
        if (x->p12) CHECK(!same_file(x->p12, y->p12));
    }
    CHECK_STR(c.seed, "another seed");
    CHECK(a.count == c.count);
    mg_manifest_free(&a);
    mg_manifest_free(&b);
    mg_manifest_free(&c);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    CHECK(system(cmd) == 0);
    TEST_END();
}
