/* A tiny built-in provider offering one RAND algorithm, "MG-DETRAND", that reads the
 * thread's deterministic stream (detrand_stream.c). Installed as the primary, public and
 * private DRBG of a private library context, so libcrypto's key generation, ECDSA nonces and
 * PKCS#12 salts draw from the seed without touching the process-wide generators. */
#include "detrand.h"

#include <openssl/core_dispatch.h>
#include <openssl/core_names.h>
#include <openssl/params.h>
#include <openssl/provider.h>
#include <openssl/rand.h>

#define MG_DETRAND_PROVIDER "mtlsgrid-detrand"
#define MG_DETRAND_NAME "MG-DETRAND"

static int instance_marker; /* newctx returns its address: the algorithm keeps no state */

static void *rand_newctx(void *provctx, void *parent, const OSSL_DISPATCH *parent_calls)
{
    (void)provctx, (void)parent, (void)parent_calls;
    return &instance_marker;
}

static void rand_freectx(void *ctx) { (void)ctx; }

static int rand_instantiate(void *ctx, unsigned int strength, int prediction_resistance,
                            const unsigned char *pstr, size_t pstr_len, const OSSL_PARAM params[])
{
    (void)ctx, (void)strength, (void)prediction_resistance, (void)pstr, (void)pstr_len;
    (void)params;
    return 1;
}

static int rand_uninstantiate(void *ctx) { return ctx != NULL; }

static int rand_generate(void *ctx, unsigned char *out, size_t outlen, unsigned int strength,
                         int prediction_resistance, const unsigned char *adin, size_t adin_len)
{
    (void)ctx, (void)strength, (void)prediction_resistance, (void)adin, (void)adin_len;
    return mg_ok(mg_detrand_bytes(out, outlen));
}

static int rand_reseed(void *ctx, int prediction_resistance, const unsigned char *ent,
                       size_t ent_len, const unsigned char *adin, size_t adin_len)
{
    (void)ctx, (void)prediction_resistance, (void)ent, (void)ent_len, (void)adin, (void)adin_len;
    return 1;
}

static int rand_enable_locking(void *ctx) { return ctx != NULL; }
static int rand_lock(void *ctx) { return ctx != NULL; }
static void rand_unlock(void *ctx) { (void)ctx; }

static int rand_get_ctx_params(void *ctx, OSSL_PARAM params[])
{
    (void)ctx;
    OSSL_PARAM *p = OSSL_PARAM_locate(params, OSSL_RAND_PARAM_STATE);
    if (p != NULL && !OSSL_PARAM_set_int(p, EVP_RAND_STATE_READY)) return 0;
    p = OSSL_PARAM_locate(params, OSSL_RAND_PARAM_STRENGTH);
    if (p != NULL && !OSSL_PARAM_set_uint(p, 256)) return 0;
    p = OSSL_PARAM_locate(params, OSSL_RAND_PARAM_MAX_REQUEST);
    if (p != NULL && !OSSL_PARAM_set_size_t(p, 1 << 16)) return 0;
    return 1;
}

static const OSSL_PARAM *rand_gettable_ctx_params(void *ctx, void *provctx)
{
    (void)ctx, (void)provctx;
    static const OSSL_PARAM gettable[] = {
        OSSL_PARAM_int(OSSL_RAND_PARAM_STATE, NULL),
        OSSL_PARAM_uint(OSSL_RAND_PARAM_STRENGTH, NULL),
        OSSL_PARAM_size_t(OSSL_RAND_PARAM_MAX_REQUEST, NULL),
        OSSL_PARAM_END,
    };
    return gettable;
}

/* Accepts (and ignores) the reseed settings libcrypto passes to every DRBG it makes. */
static int rand_set_ctx_params(void *ctx, const OSSL_PARAM params[])
{
    (void)ctx, (void)params;
    return 1;
}

static const OSSL_PARAM *rand_settable_ctx_params(void *ctx, void *provctx)
{
    (void)ctx, (void)provctx;
    static const OSSL_PARAM settable[] = {OSSL_PARAM_END};
    return settable;
}

static const OSSL_DISPATCH rand_functions[] = {
    {OSSL_FUNC_RAND_NEWCTX, (void (*)(void))rand_newctx},
    {OSSL_FUNC_RAND_FREECTX, (void (*)(void))rand_freectx},
    {OSSL_FUNC_RAND_INSTANTIATE, (void (*)(void))rand_instantiate},
    {OSSL_FUNC_RAND_UNINSTANTIATE, (void (*)(void))rand_uninstantiate},
    {OSSL_FUNC_RAND_GENERATE, (void (*)(void))rand_generate},
    {OSSL_FUNC_RAND_RESEED, (void (*)(void))rand_reseed},
    {OSSL_FUNC_RAND_ENABLE_LOCKING, (void (*)(void))rand_enable_locking},
    {OSSL_FUNC_RAND_LOCK, (void (*)(void))rand_lock},
    {OSSL_FUNC_RAND_UNLOCK, (void (*)(void))rand_unlock},
    {OSSL_FUNC_RAND_GET_CTX_PARAMS, (void (*)(void))rand_get_ctx_params},
    {OSSL_FUNC_RAND_GETTABLE_CTX_PARAMS, (void (*)(void))rand_gettable_ctx_params},
    {OSSL_FUNC_RAND_SET_CTX_PARAMS, (void (*)(void))rand_set_ctx_params},
    {OSSL_FUNC_RAND_SETTABLE_CTX_PARAMS, (void (*)(void))rand_settable_ctx_params},
    {0, NULL},
};

static const OSSL_ALGORITHM rand_algorithms[] = {
    {MG_DETRAND_NAME, "provider=" MG_DETRAND_PROVIDER, rand_functions, "mtlsgrid deterministic"},
    {NULL, NULL, NULL, NULL},
};

static const OSSL_ALGORITHM *provider_query(void *provctx, int operation_id, int *no_cache)
{
    (void)provctx;
    *no_cache = 0;
    return operation_id == OSSL_OP_RAND ? rand_algorithms : NULL;
}

static const OSSL_DISPATCH provider_functions[] = {
    {OSSL_FUNC_PROVIDER_QUERY_OPERATION, (void (*)(void))provider_query},
    {0, NULL},
};

static int provider_init(const OSSL_CORE_HANDLE *handle, const OSSL_DISPATCH *in,
                         const OSSL_DISPATCH **out, void **provctx)
{
    (void)handle, (void)in;
    *out = provider_functions;
    *provctx = &instance_marker;
    return 1;
}

void mg_detrand_close(mg_detrand_ctx *ctx)
{
    for (size_t i = 0; i < 2; i++)
        if (ctx->providers[i]) OSSL_PROVIDER_unload(ctx->providers[i]);
    OSSL_LIB_CTX_free(ctx->libctx);
    *ctx = (mg_detrand_ctx){0};
}

MG_RESULT mg_detrand_open(mg_detrand_ctx *out)
{
    *out = (mg_detrand_ctx){0};
    out->libctx = OSSL_LIB_CTX_new();
    MG_ENSURE(out->libctx != NULL, MG_E_INTERNAL, "cannot create an OpenSSL library context");
    int ok = OSSL_PROVIDER_add_builtin(out->libctx, MG_DETRAND_PROVIDER, provider_init)
             && (out->providers[0] = OSSL_PROVIDER_load(out->libctx, MG_DETRAND_PROVIDER))
             && (out->providers[1] = OSSL_PROVIDER_load(out->libctx, "default"))
             && RAND_set_DRBG_type(out->libctx, MG_DETRAND_NAME,
                                   "provider=" MG_DETRAND_PROVIDER, NULL, NULL);
    if (!ok) {
        mg_detrand_close(out);
        return mg_fail(MG_E_INTERNAL, "cannot install the deterministic random source");
    }
    return MG_OK;
}
