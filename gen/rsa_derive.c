/* RSA keys from the detrand stream, fast: random odd candidates of exactly bits/2 bits,
 * sieved by the first 2048 odd primes, then Miller-Rabin with fixed small bases. These are
 * test keys, so 8 rounds (well past FIPS 186-4's table for random candidates) replace the
 * 64 libcrypto 3.0 insists on, which alone would take most of the 1 s budget. */
#include "detrand.h"
#include "keys.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <stdlib.h>

#define SIEVE_PRIMES 2048
#define MR_ROUNDS 8
#define MAX_STEP (1u << 20)

typedef struct {
    unsigned primes[SIEVE_PRIMES]; /* 3, 5, 7, ...: the sieve */
    unsigned residues[SIEVE_PRIMES];
} mg_sieve;

static void fill_small_primes(unsigned *small_primes)
{
    unsigned found = 0;
    for (unsigned n = 3; found < SIEVE_PRIMES; n += 2) {
        int prime = 1;
        for (unsigned i = 0; i < found && small_primes[i] * small_primes[i] <= n; i++)
            if (n % small_primes[i] == 0) { prime = 0; break; }
        if (prime) small_primes[found++] = n;
    }
}

/* Miller-Rabin with bases 2, 3, 5, ...: 1 when n is (very probably) prime. */
static int probably_prime(const BIGNUM *n, BN_CTX *ctx)
{
    static const unsigned bases[MR_ROUNDS] = {2, 3, 5, 7, 11, 13, 17, 19};
    int result = -1;
    BN_CTX_start(ctx);
    BIGNUM *n1 = BN_CTX_get(ctx), *d = BN_CTX_get(ctx), *x = BN_CTX_get(ctx);
    BN_MONT_CTX *mont = BN_MONT_CTX_new();
    if (x == NULL || mont == NULL || !BN_MONT_CTX_set(mont, n, ctx) || !BN_copy(n1, n)
        || !BN_sub_word(n1, 1))
        goto done;
    int s = 0;
    while (!BN_is_bit_set(n1, s)) s++;
    if (!BN_rshift(d, n1, s)) goto done;
    result = 1;
    for (int round = 0; round < MR_ROUNDS && result == 1; round++) {
        if (!BN_mod_exp_mont_word(x, bases[round], d, n, ctx, mont)) {
            result = -1;
            break;
        }
        if (BN_is_one(x) || BN_cmp(x, n1) == 0) continue;
        result = 0;
        for (int i = 1; i < s && result == 0; i++) {
            if (!BN_mod_sqr(x, x, n, ctx)) { result = -1; break; }
            if (BN_cmp(x, n1) == 0) result = 1;
        }
    }
done:
    BN_MONT_CTX_free(mont);
    BN_CTX_end(ctx);
    return result;
}

/* A prime of exactly `bits` bits (top two bits set, so p*q has 2*bits) with p-1 prime to e. */
static MG_RESULT find_prime(BIGNUM *p, int bits, mg_sieve *sieve, BN_CTX *ctx)
{
    const unsigned *small_primes = sieve->primes;
    unsigned *residues = sieve->residues;
    unsigned char bytes[512];
    for (;;) {
        MG_GUARD(mg_detrand_bytes(bytes, (size_t)bits / 8));
        MG_ENSURE(BN_bin2bn(bytes, bits / 8, p) && BN_set_bit(p, bits - 1)
                      && BN_set_bit(p, bits - 2) && BN_set_bit(p, 0),
                  MG_E_INTERNAL, "RSA candidate setup failed");
        for (unsigned i = 0; i < SIEVE_PRIMES; i++)
            residues[i] = (unsigned)BN_mod_word(p, small_primes[i]);
        for (unsigned step = 0; step < MAX_STEP; step += 2) {
            unsigned i = 0;
            while (i < SIEVE_PRIMES && (residues[i] + step) % small_primes[i] != 0) i++;
            if (i < SIEVE_PRIMES) continue;
            MG_ENSURE(BN_add_word(p, step), MG_E_INTERNAL, "RSA candidate step failed");
            if (BN_num_bits(p) == bits && BN_mod_word(p, 65537) != 1) {
                int verdict = probably_prime(p, ctx);
                MG_ENSURE(verdict >= 0, MG_E_INTERNAL, "Miller-Rabin failed");
                if (verdict == 1) return MG_OK;
            }
            MG_ENSURE(BN_sub_word(p, step), MG_E_INTERNAL, "RSA candidate step failed");
        }
    }
}

static EVP_PKEY *assemble(OSSL_LIB_CTX *libctx, int pss, BIGNUM *p, BIGNUM *q, BN_CTX *ctx)
{
    EVP_PKEY *pkey = NULL;
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = NULL;
    EVP_PKEY_CTX *pctx = NULL;
    BN_CTX_start(ctx);
    BIGNUM *n = BN_CTX_get(ctx), *e = BN_CTX_get(ctx), *d = BN_CTX_get(ctx);
    BIGNUM *p1 = BN_CTX_get(ctx), *q1 = BN_CTX_get(ctx), *g = BN_CTX_get(ctx);
    BIGNUM *lcm = BN_CTX_get(ctx), *dp = BN_CTX_get(ctx), *dq = BN_CTX_get(ctx);
    BIGNUM *qinv = BN_CTX_get(ctx), *rem = BN_CTX_get(ctx);
    if (bld == NULL || rem == NULL) goto done;
    if (BN_cmp(p, q) < 0) BN_swap(p, q); /* CRT wants p > q for qInv = q^-1 mod p */
    if (!BN_mul(n, p, q, ctx) || !BN_set_word(e, 65537) || !BN_sub(p1, p, BN_value_one())
        || !BN_sub(q1, q, BN_value_one()) || !BN_gcd(g, p1, q1, ctx) || !BN_mul(lcm, p1, q1, ctx)
        || !BN_div(lcm, rem, lcm, g, ctx) || !BN_mod_inverse(d, e, lcm, ctx)
        || !BN_mod(dp, d, p1, ctx) || !BN_mod(dq, d, q1, ctx) || !BN_mod_inverse(qinv, q, p, ctx))
        goto done;
    if (!OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n)
        || !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e)
        || !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_D, d)
        || !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_FACTOR1, p)
        || !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_FACTOR2, q)
        || !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_EXPONENT1, dp)
        || !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_EXPONENT2, dq)
        || !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_COEFFICIENT1, qinv)
        || (params = OSSL_PARAM_BLD_to_param(bld)) == NULL)
        goto done;
    pctx = EVP_PKEY_CTX_new_from_name(libctx, pss ? "RSA-PSS" : "RSA", NULL);
    if (pctx == NULL || EVP_PKEY_fromdata_init(pctx) <= 0
        || EVP_PKEY_fromdata(pctx, &pkey, EVP_PKEY_KEYPAIR, params) <= 0)
        pkey = NULL;
done:
    EVP_PKEY_CTX_free(pctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_CTX_end(ctx);
    return pkey;
}

MG_RESULT mg_rsa_derive(OSSL_LIB_CTX *libctx, int bits, int pss, EVP_PKEY **out)
{
    *out = NULL;
    BN_CTX *ctx = BN_CTX_new_ex(libctx);
    BIGNUM *p = BN_new(), *q = BN_new();
    mg_sieve *sieve = malloc(sizeof *sieve);
    mg_result r = MG_OK;
    if (ctx == NULL || p == NULL || q == NULL || sieve == NULL) {
        r = mg_fail(MG_E_INTERNAL, "out of memory");
    } else {
        fill_small_primes(sieve->primes);
        r = find_prime(p, bits / 2, sieve, ctx);
        do {
            if (mg_ok(r)) r = find_prime(q, bits / 2, sieve, ctx);
        } while (mg_ok(r) && BN_cmp(p, q) == 0);
        if (mg_ok(r) && (*out = assemble(libctx, pss, p, q, ctx)) == NULL)
            r = mg_fail(MG_E_INTERNAL, "assembling an RSA-%d key failed", bits);
    }
    free(sieve);
    BN_free(p);
    BN_free(q);
    BN_CTX_free(ctx);
    return r;
}
