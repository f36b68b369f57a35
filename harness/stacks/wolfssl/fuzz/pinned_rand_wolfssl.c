/* The deterministic crypto-callback device (pinned_rand_wolfssl.h). */
#include "pinned_rand_wolfssl.h"

#include "det_stream.h"
#include "fuzz_require.h"

#include <wolfssl/wolfcrypt/cryptocb.h>
#include <wolfssl/wolfcrypt/error-crypt.h>

/* Any id but INVALID_DEVID (-2) names a device; this one is "mtls". */
#define MG_PINNED_DEVICE 0x6d746c73

static mg_det_stream stream;

static int answer(int device, wc_CryptoInfo *info, void *ctx)
{
    (void)device, (void)ctx;
    if (info->algo_type == WC_ALGO_TYPE_RNG) {
        mg_det_stream_fill(&stream, info->rng.out, info->rng.sz);
        return 0;
    }
    if (info->algo_type == WC_ALGO_TYPE_SEED) {
        mg_det_stream_fill(&stream, info->seed.seed, info->seed.sz);
        return 0;
    }
    return CRYPTOCB_UNAVAILABLE;
}

int mg_pinned_rand_wolfssl_device(void)
{
    static int registered;
    if (!registered) {
        mg_fuzz_check(wc_CryptoCb_RegisterDevice(MG_PINNED_DEVICE, answer, NULL) == 0,
                      "wc_CryptoCb_RegisterDevice failed");
        registered = 1;
    }
    return MG_PINNED_DEVICE;
}

void mg_pinned_rand_wolfssl(uint64_t seed)
{
    mg_det_stream_seed(&stream, seed);
}
