/* A plain DER walk over a certificate (x509_input_wolfssl.h). */
#include "x509_input_wolfssl.h"

#include <string.h>

/* Reads one TLV off the front of *in (definite lengths only). */
static bool take(mg_der_span *in, uint8_t *tag, mg_der_span *content)
{
    if (in->n < 2) return false;
    size_t header = 2, n = in->p[1];
    if (n & 0x80) {
        size_t bytes = n & 0x7f;
        if (bytes == 0 || bytes > 4 || in->n < 2 + bytes) return false;
        n = 0;
        for (size_t i = 0; i < bytes; i++) n = n << 8 | in->p[2 + i];
        header += bytes;
    }
    if (n > in->n - header) return false;
    *tag = in->p[0];
    *content = (mg_der_span){in->p + header, n};
    in->p += header + n;
    in->n -= header + n;
    return true;
}

/* The tbsCertificate's items after the version: serial, signature, issuer, validity, ... */
static bool tbs_items(const uint8_t *der, size_t len, mg_der_span *items)
{
    mg_der_span in = {der, len}, cert, tbs;
    uint8_t tag;
    if (!take(&in, &tag, &cert) || tag != 0x30 || !take(&cert, &tag, &tbs) || tag != 0x30)
        return false;
    if (tbs.n > 0 && tbs.p[0] == 0xa0) {
        mg_der_span version;
        if (!take(&tbs, &tag, &version)) return false;
    }
    *items = tbs;
    return true;
}

bool mg_wolf_input_extension(const uint8_t *der, size_t len, const uint8_t *oid, size_t oid_len,
                             int index, mg_der_span *value)
{
    mg_der_span items, item, exts;
    uint8_t tag;
    if (!tbs_items(der, len, &items)) return false;
    while (take(&items, &tag, &item)) {
        if (tag != 0xa3) continue;
        if (!take(&item, &tag, &exts) || tag != 0x30) return false;
        mg_der_span ext, id, field;
        while (take(&exts, &tag, &ext)) {
            if (tag != 0x30 || !take(&ext, &tag, &id) || tag != 0x06) return false;
            if (id.n != oid_len || memcmp(id.p, oid, oid_len) != 0) continue;
            if (!take(&ext, &tag, &field)) return false;
            if (tag == 0x01 && !take(&ext, &tag, &field)) return false; /* critical */
            if (tag != 0x04) return false;
            if (index-- == 0) {
                *value = field;
                return true;
            }
        }
        return false;
    }
    return false;
}

bool mg_wolf_input_one_tlv(mg_der_span value)
{
    uint8_t tag;
    mg_der_span content;
    return take(&value, &tag, &content) && value.n == 0;
}

static int digits(const uint8_t *p, size_t count)
{
    int v = 0;
    for (size_t i = 0; i < count; i++) {
        if (p[i] < '0' || p[i] > '9') return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

bool mg_wolf_input_date(const uint8_t *der, size_t len, bool not_after, int *year, int *month,
                        int *day)
{
    mg_der_span items, item, validity, time = {NULL, 0};
    uint8_t tag;
    if (!tbs_items(der, len, &items)) return false;
    for (int i = 0; i < 4; i++) /* serial, signature, issuer, validity */
        if (!take(&items, &tag, &item)) return false;
    validity = item;
    if (tag != 0x30 || !take(&validity, &tag, &time) ||
        (not_after && !take(&validity, &tag, &time)))
        return false;
    size_t year_digits = tag == 0x17 ? 2 : tag == 0x18 ? 4 : 0;
    if (year_digits == 0 || time.n < year_digits + 4) return false;
    *year = digits(time.p, year_digits);
    *month = digits(time.p + year_digits, 2);
    *day = digits(time.p + year_digits + 2, 2);
    if (*year < 0 || *month < 0 || *day < 0) return false;
    if (year_digits == 2) *year += *year < 50 ? 2000 : 1900; /* RFC 5280 4.1.2.5.1 */
    return true;
}
