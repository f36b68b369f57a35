/* RAND_set_rand_method is deprecated in OpenSSL 3.0 but still honoured by RAND_bytes_ex and
 * RAND_priv_bytes_ex, which is all the TLS server needs; a provider would be ten times the
 * code for the same effect. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include "pinned_rand_openssl.h"

#include "det_stream.h"
#include "fuzz_require.h"

#include <openssl/rand.h>

static mg_det_stream pinned_stream;

static int pinned_bytes(unsigned char *buf, int num)
{
    if (num > 0) mg_det_stream_fill(&pinned_stream, buf, (size_t)num);
    return 1;
}

static int pinned_seed(const void *buf, int num)
{
    (void)buf;
    (void)num;
    return 1;
}

static int pinned_add(const void *buf, int num, double entropy)
{
    (void)buf;
    (void)num;
    (void)entropy;
    return 1;
}

static int pinned_status(void) { return 1; }

static const RAND_METHOD pinned_method = {
    .seed = pinned_seed,
    .bytes = pinned_bytes,
    .add = pinned_add,
    .pseudorand = pinned_bytes,
    .status = pinned_status,
};

void mg_pinned_rand_openssl(uint64_t seed)
{
    if (RAND_get_rand_method() != &pinned_method)
        mg_fuzz_check(RAND_set_rand_method(&pinned_method) == 1, "RAND_set_rand_method failed");
    mg_det_stream_seed(&pinned_stream, seed);
}
