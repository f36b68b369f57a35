/* Every iteration count of a PKCS#12 bundle (MacData, PBES1 and PBKDF2 parameters) is an
 * INTEGER right after the salt's OCTET STRING. wolfSSL offers no call that reads them before
 * running the KDF (wc_PKCS12_parse does both), so every OCTET STRING followed by an INTEGER
 * larger than the bound counts as a count: a bundle with one is not opened. It may refuse a
 * few bundles whose encrypted bytes look alike, never miss a count. PEM is never a bundle to
 * wolfSSL's reader (wc_d2i_PKCS12 takes DER), so it is within the bound. */
#include "pkcs12_work_wolfssl.h"

#include "pkcs12_read.h"

/* The length of a DER header at p (tag then length), 0 when it is not a definite one. */
static size_t header(const uint8_t *p, size_t left, size_t *len)
{
    if (left < 2) return 0;
    if (p[1] < 0x80) {
        *len = p[1];
        return 2;
    }
    size_t n = p[1] & 0x7f;
    if (n == 0 || n > 4 || left < 2 + n) return 0;
    size_t v = 0;
    for (size_t i = 0; i < n; i++) v = (v << 8) | p[2 + i];
    *len = v;
    return 2 + n;
}

static bool integer_too_large(const uint8_t *p, size_t left)
{
    size_t len = 0, h = header(p, left, &len);
    if (h == 0 || p[0] != 0x02 || len == 0 || len > left - h) return false;
    if (len > 8) return true;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) v = (v << 8) | p[h + i];
    return v > MG_FUZZ_PKCS12_MAX_ITER;
}

bool mg_pkcs12_wolfssl_within_bound(const uint8_t *data, size_t size, const char *password)
{
    (void)password;
    for (size_t i = 0; i < size; i++) {
        size_t len = 0, h = data[i] == 0x04 ? header(data + i, size - i, &len) : 0;
        if (h == 0 || len > size - i - h) continue;
        size_t next = i + h + len;
        if (next < size && integer_too_large(data + next, size - next)) return false;
    }
    return true;
}
