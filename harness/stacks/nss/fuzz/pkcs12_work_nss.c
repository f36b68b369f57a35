/* Every KDF count of a PKCS#12 bundle (MacData's iterations, the PBES1 and PBKDF2 parameters'
 * iterationCount, scrypt's cost) is an INTEGER that directly follows the salt's OCTET STRING
 * in one SEQUENCE. The bundle is walked as a tree of elements: constructed ones are entered,
 * and so is an OCTET STRING whose content is itself elements (authSafe and each SafeContents
 * are wrapped that way); NSS's decoder takes BER, so indefinite lengths are followed too. An
 * INTEGER after an OCTET STRING larger than the bound marks the bundle beyond it. Encrypted
 * safes are not looked into: their counts are reached only through a decryption whose own
 * count was checked, and a mutation cannot make the plaintext say something chosen. */
#include "pkcs12_work_nss.h"

#include "pkcs12_read.h"

enum { MAX_DEPTH = 24 };

typedef struct {
    uint8_t tag;
    size_t header, length; /* length: the content's, when not indefinite */
    bool indefinite;
} element;

static bool read_header(const uint8_t *p, size_t left, element *e)
{
    if (left < 2 || (p[0] & 0x1f) == 0x1f) return false; /* no multi-octet tags in PKCS#12 */
    e->tag = p[0];
    e->indefinite = p[1] == 0x80;
    e->header = 2;
    e->length = p[1] & 0x7f;
    if (p[1] > 0x80) {
        size_t n = p[1] & 0x7f;
        if (n > 4 || left < 2 + n) return false;
        e->length = 0;
        for (size_t i = 0; i < n; i++) e->length = e->length << 8 | p[2 + i];
        e->header += n;
    }
    return e->indefinite ? (e->tag & 0x20) != 0 : e->length <= left - e->header;
}

static bool count_too_large(const uint8_t *content, size_t len)
{
    if (len > 8) return true;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) v = v << 8 | content[i];
    return v > MG_FUZZ_PKCS12_MAX_ITER;
}

/* Walks the elements of p[0..left), up to end-of-contents when indefinite; *used gets what
 * it read. False when a count beyond the bound was found (or the nesting is deeper than any
 * bundle's, which is not opened either). */
static bool walk(const uint8_t *p, size_t left, bool indefinite, int depth, size_t *used)
{
    if (depth > MAX_DEPTH) return false;
    size_t at = 0;
    bool after_octets = false;
    while (at < left) {
        if (indefinite && left - at >= 2 && p[at] == 0 && p[at + 1] == 0) {
            at += 2;
            break;
        }
        element e;
        if (!read_header(p + at, left - at, &e)) break; /* the decoder stops here too */
        const uint8_t *content = p + at + e.header;
        size_t room = left - at - e.header, inner = 0;
        if (e.tag == 0x02 && after_octets && !e.indefinite && count_too_large(content, e.length))
            return false;
        after_octets = e.tag == 0x04;
        if (e.indefinite) {
            if (!walk(content, room, true, depth + 1, &inner)) return false;
            e.length = inner;
        } else if ((e.tag & 0x20) || e.tag == 0x04) {
            if (!walk(content, e.length, false, depth + 1, &inner)) return false;
        }
        at += e.header + e.length;
    }
    *used = at;
    return true;
}

bool mg_pkcs12_nss_within_bound(const uint8_t *data, size_t size, const char *password)
{
    (void)password;
    size_t used = 0;
    return walk(data, size, false, 0, &used);
}
