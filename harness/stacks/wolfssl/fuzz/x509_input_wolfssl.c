/* A plain DER walk over a certificate (x509_input_wolfssl.h). */
#include "x509_input_wolfssl.h"

#include <string.h>

bool mg_wolf_input_take(mg_der_span *in, uint8_t *tag, mg_der_span *content)
{
    if (in->n < 2 || (in->p[0] & 0x1f) == 0x1f) return false;
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

/* The certificate's content: tbsCertificate, signatureAlgorithm, signature. */
static bool certificate(const uint8_t *der, size_t len, mg_der_span *cert)
{
    mg_der_span in = {der, len};
    uint8_t tag;
    return mg_wolf_input_take(&in, &tag, cert) && tag == 0x30;
}

/* The tbsCertificate's fields after the version. */
static bool tbs_fields(const uint8_t *der, size_t len, mg_der_span *fields)
{
    mg_der_span cert, tbs, version;
    uint8_t tag;
    if (!certificate(der, len, &cert) || !mg_wolf_input_take(&cert, &tag, &tbs) || tag != 0x30)
        return false;
    if (tbs.n > 0 && tbs.p[0] == 0xa0 && !mg_wolf_input_take(&tbs, &tag, &version)) return false;
    *fields = tbs;
    return true;
}

/* The next TLV of *in, whole (header included). */
static bool take_whole(mg_der_span *in, uint8_t *tag, mg_der_span *whole)
{
    const uint8_t *start = in->p;
    mg_der_span content;
    if (!mg_wolf_input_take(in, tag, &content)) return false;
    *whole = (mg_der_span){start, (size_t)(in->p - start)};
    return true;
}

bool mg_wolf_input_tbs_field(const uint8_t *der, size_t len, int index, mg_der_span *field)
{
    mg_der_span fields;
    uint8_t tag;
    if (!tbs_fields(der, len, &fields)) return false;
    for (int i = 0; i <= index; i++)
        if (!take_whole(&fields, &tag, field)) return false;
    return true;
}

bool mg_wolf_input_outer_signature(const uint8_t *der, size_t len, mg_der_span *field)
{
    mg_der_span cert, tbs;
    uint8_t tag;
    return certificate(der, len, &cert) && mg_wolf_input_take(&cert, &tag, &tbs) &&
           take_whole(&cert, &tag, field);
}

bool mg_wolf_input_signature_bits(const uint8_t *der, size_t len, mg_der_span *bits)
{
    mg_der_span cert, skip;
    uint8_t tag;
    return certificate(der, len, &cert) && mg_wolf_input_take(&cert, &tag, &skip) &&
           mg_wolf_input_take(&cert, &tag, &skip) && mg_wolf_input_take(&cert, &tag, bits) &&
           tag == 0x03;
}

bool mg_wolf_input_extension_at(const uint8_t *der, size_t len, int index, mg_der_span *oid,
                                mg_der_span *value)
{
    mg_der_span fields, item, exts, ext;
    uint8_t tag;
    if (!tbs_fields(der, len, &fields)) return false;
    while (mg_wolf_input_take(&fields, &tag, &item)) {
        if (tag != 0xa3) continue;
        if (!mg_wolf_input_take(&item, &tag, &exts) || tag != 0x30) return false;
        for (int i = 0; mg_wolf_input_take(&exts, &tag, &ext); i++) {
            if (tag != 0x30 || !mg_wolf_input_take(&ext, &tag, oid) || tag != 0x06) return false;
            if (i < index) continue;
            if (!mg_wolf_input_take(&ext, &tag, value)) return false;
            if (tag == 0x01 && !mg_wolf_input_take(&ext, &tag, value)) return false; /* critical */
            return tag == 0x04;
        }
        return false;
    }
    return false;
}

bool mg_wolf_input_one_tlv(mg_der_span value, uint8_t tag)
{
    uint8_t found;
    mg_der_span content;
    return mg_wolf_input_take(&value, &found, &content) && value.n == 0 &&
           (tag == 0 || found == tag);
}

static bool all_well_formed(mg_der_span content, int depth)
{
    while (content.n > 0) {
        uint8_t tag;
        mg_der_span inner;
        if (!mg_wolf_input_take(&content, &tag, &inner)) return false;
        if ((tag & 0x20) && (depth == 0 || !all_well_formed(inner, depth - 1))) return false;
    }
    return true;
}

bool mg_wolf_input_well_formed(mg_der_span value)
{
    uint8_t tag;
    mg_der_span content;
    return mg_wolf_input_take(&value, &tag, &content) && value.n == 0 &&
           (!(tag & 0x20) || all_well_formed(content, 16));
}

bool mg_wolf_input_same(mg_der_span a, const uint8_t *b, size_t len)
{
    return a.n == len && memcmp(a.p, b, len) == 0;
}

bool mg_wolf_input_version(const uint8_t *der, size_t len, mg_der_span *content)
{
    mg_der_span cert, tbs;
    uint8_t tag;
    return certificate(der, len, &cert) && mg_wolf_input_take(&cert, &tag, &tbs) &&
           tag == 0x30 && mg_wolf_input_take(&tbs, &tag, content) && tag == 0xa0;
}

bool mg_wolf_input_time_string(const uint8_t *der, size_t len, bool not_after, uint8_t *tag,
                               mg_der_span *text)
{
    mg_der_span validity, content;
    return mg_wolf_input_tbs_field(der, len, MG_TBS_VALIDITY, &validity) &&
           mg_wolf_input_take(&validity, tag, &content) && *tag == 0x30 &&
           mg_wolf_input_take(&content, tag, text) &&
           (!not_after || mg_wolf_input_take(&content, tag, text));
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

bool mg_wolf_input_time(const uint8_t *der, size_t len, bool not_after, int fields[6])
{
    mg_der_span time;
    uint8_t tag;
    if (!mg_wolf_input_time_string(der, len, not_after, &tag, &time)) return false;
    size_t year_digits = tag == 0x17 ? 2 : tag == 0x18 ? 4 : 0;
    if (year_digits == 0 || time.n < year_digits + 10) return false;
    fields[0] = digits(time.p, year_digits);
    for (int i = 1; i < 6; i++) fields[i] = digits(time.p + year_digits + 2 * (i - 1), 2);
    for (int i = 0; i < 6; i++)
        if (fields[i] < 0) return false;
    if (year_digits == 2) fields[0] += fields[0] < 50 ? 2000 : 1900;
    return true;
}
