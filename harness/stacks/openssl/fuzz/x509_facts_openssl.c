#include "x509_facts_openssl.h"

#include <limits.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <stdlib.h>
#include <string.h>

static X509 *parse(const uint8_t *der, size_t len)
{
    const unsigned char *p = der;
    X509 *cert = len <= LONG_MAX ? d2i_X509(NULL, &p, (long)len) : NULL;
    ERR_clear_error();
    return cert;
}

bool mg_known_openssl_invalid(const uint8_t *der, size_t len)
{
    X509 *cert = parse(der, len);
    bool invalid = cert != NULL && (X509_get_extension_flags(cert) & EXFLAG_INVALID) != 0;
    X509_free(cert);
    return invalid;
}

bool mg_known_openssl_extensions_before_v3(const uint8_t *der, size_t len)
{
    X509 *cert = parse(der, len);
    bool early =
        cert != NULL && X509_get_version(cert) != X509_VERSION_3 && X509_get_ext_count(cert) > 0;
    X509_free(cert);
    return early;
}

bool mg_known_openssl_sigalg_mismatch(const uint8_t *der, size_t len)
{
    X509 *cert = parse(der, len);
    const X509_ALGOR *outer = NULL;
    if (cert != NULL) X509_get0_signature(NULL, &outer, cert);
    bool mismatch = cert != NULL && X509_ALGOR_cmp(outer, X509_get0_tbs_sigalg(cert)) != 0;
    X509_free(cert);
    return mismatch;
}

bool mg_known_openssl_not_canonical(const uint8_t *der, size_t len)
{
    X509 *cert = parse(der, len);
    unsigned char *out = NULL;
    int out_len = -1;
    if (cert != NULL && i2d_re_X509_tbs(cert, NULL) > 0) out_len = i2d_X509(cert, &out);
    bool differs = out_len > 0 && ((size_t)out_len != len || memcmp(out, der, len) != 0);
    OPENSSL_free(out);
    X509_free(cert);
    return differs;
}

int mg_known_openssl_parse_error_lib(const uint8_t *der, size_t len)
{
    const unsigned char *p = der;
    X509 *cert = len <= LONG_MAX ? d2i_X509(NULL, &p, (long)len) : NULL;
    int reason = cert == NULL ? ERR_GET_LIB(ERR_peek_error()) : 0;
    X509_free(cert);
    ERR_clear_error();
    return reason;
}

static X509_EXTENSION *find_ext(X509 *cert, int nid)
{
    int at = cert ? X509_get_ext_by_NID(cert, nid, -1) : -1;
    return at >= 0 ? X509_get_ext(cert, at) : NULL;
}

bool mg_known_openssl_ext_value(const uint8_t *der, size_t len, int nid, uint8_t *buf,
                                size_t cap, size_t *out_len)
{
    X509 *cert = parse(der, len);
    X509_EXTENSION *ext = find_ext(cert, nid);
    const ASN1_OCTET_STRING *value = ext ? X509_EXTENSION_get_data(ext) : NULL;
    bool ok = value != NULL && (size_t)value->length <= cap;
    if (ok) {
        memcpy(buf, value->data, (size_t)value->length);
        *out_len = (size_t)value->length;
    }
    X509_free(cert);
    return ok;
}

int mg_known_openssl_ext_error(const uint8_t *der, size_t len, int nid)
{
    X509 *cert = parse(der, len);
    X509_EXTENSION *ext = find_ext(cert, nid);
    const X509V3_EXT_METHOD *method = X509V3_EXT_get_nid(nid);
    void *value = ext ? X509V3_EXT_d2i(ext) : NULL;
    int reason = ext != NULL && value == NULL ? ERR_GET_REASON(ERR_peek_error()) : 0;
    if (value != NULL && method != NULL && method->it != NULL)
        ASN1_item_free(value, ASN1_ITEM_ptr(method->it));
    X509_free(cert);
    ERR_clear_error();
    return reason;
}

bool mg_known_openssl_ext_not_canonical(const uint8_t *der, size_t len, int nid)
{
    X509 *cert = parse(der, len);
    X509_EXTENSION *ext = find_ext(cert, nid);
    const X509V3_EXT_METHOD *method = X509V3_EXT_get_nid(nid);
    const ASN1_OCTET_STRING *raw = ext ? X509_EXTENSION_get_data(ext) : NULL;
    void *value = ext && method && method->it ? X509V3_EXT_d2i(ext) : NULL;
    unsigned char *out = NULL;
    int out_len = value ? ASN1_item_i2d(value, &out, ASN1_ITEM_ptr(method->it)) : -1;
    bool empty_list = out_len == 2 && out[0] == 0x30 && nid != NID_basic_constraints;
    bool differs =
        out_len > 0 && (out_len != raw->length || memcmp(out, raw->data, (size_t)out_len) != 0);
    OPENSSL_free(out);
    if (value != NULL) ASN1_item_free(value, ASN1_ITEM_ptr(method->it));
    X509_free(cert);
    ERR_clear_error();
    return differs || empty_list;
}

bool mg_known_openssl_negative_pathlen(const uint8_t *der, size_t len)
{
    X509 *cert = parse(der, len);
    BASIC_CONSTRAINTS *bc = cert ? X509_get_ext_d2i(cert, NID_basic_constraints, NULL, NULL) : NULL;
    bool negative =
        bc != NULL && bc->pathlen != NULL && ASN1_STRING_type(bc->pathlen) == V_ASN1_NEG_INTEGER;
    BASIC_CONSTRAINTS_free(bc);
    X509_free(cert);
    ERR_clear_error();
    return negative;
}

bool mg_known_openssl_time_year(const uint8_t *der, size_t len, bool not_after, int *year)
{
    X509 *cert = parse(der, len);
    const ASN1_TIME *t =
        cert ? (not_after ? X509_get0_notAfter(cert) : X509_get0_notBefore(cert)) : NULL;
    const unsigned char *s = t ? ASN1_STRING_get0_data(t) : NULL;
    int digits = t && ASN1_STRING_type(t) == V_ASN1_GENERALIZEDTIME ? 4 : 2;
    bool ok = s != NULL && ASN1_STRING_length(t) >= digits;
    for (int i = 0; ok && i < digits; i++) ok = s[i] >= '0' && s[i] <= '9';
    if (ok) {
        char text[5] = {0};
        memcpy(text, s, (size_t)digits);
        *year = atoi(text);
        if (digits == 2) *year += *year < 50 ? 2000 : 1900; /* RFC 5280 4.1.2.5.1 */
    }
    X509_free(cert);
    return ok;
}

static bool past_month_end(const ASN1_TIME *t)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const unsigned char *s = t ? ASN1_STRING_get0_data(t) : NULL;
    int at = t && ASN1_STRING_type(t) == V_ASN1_GENERALIZEDTIME ? 4 : 2; /* after the year */
    if (s == NULL || ASN1_STRING_length(t) < at + 4) return false;
    for (int i = at; i < at + 4; i++)
        if (s[i] < '0' || s[i] > '9') return false;
    int month = (s[at] - '0') * 10 + (s[at + 1] - '0');
    int day = (s[at + 2] - '0') * 10 + (s[at + 3] - '0');
    /* 29 February is left aside: whether it exists depends on the year. */
    return month >= 1 && month <= 12 && day <= 31 && day > days[month - 1];
}

bool mg_known_openssl_day_past_month_end(const uint8_t *der, size_t len)
{
    X509 *cert = parse(der, len);
    bool past = cert != NULL && (past_month_end(X509_get0_notBefore(cert)) ||
                                 past_month_end(X509_get0_notAfter(cert)));
    X509_free(cert);
    return past;
}

int mg_known_openssl_nid_of(const char *field)
{
    if (strcmp(field, "eku") == 0) return NID_ext_key_usage;
    if (strcmp(field, "san") == 0) return NID_subject_alt_name;
    if (strcmp(field, "basic-constraints") == 0) return NID_basic_constraints;
    if (strcmp(field, "key-usage") == 0) return NID_key_usage;
    return NID_undef;
}

static bool field_value(const uint8_t *der, size_t len, const char *field, uint8_t *buf,
                        size_t cap, size_t *out_len)
{
    int nid = mg_known_openssl_nid_of(field);
    return nid != NID_undef && mg_known_openssl_ext_value(der, len, nid, buf, cap, out_len);
}

static bool field_bad_oid(const uint8_t *der, size_t len, const char *field)
{
    int nid = mg_known_openssl_nid_of(field);
    return nid != NID_undef &&
           mg_known_openssl_ext_error(der, len, nid) == ASN1_R_INVALID_OBJECT_ENCODING;
}

const mg_x509_facts mg_x509_facts_openssl = {
    .marked_invalid = mg_known_openssl_invalid,
    .sigalg_mismatch = mg_known_openssl_sigalg_mismatch,
    .extensions_before_v3 = mg_known_openssl_extensions_before_v3,
    .not_canonical = mg_known_openssl_not_canonical,
    .extension_value = field_value,
    .extension_bad_oid = field_bad_oid,
    .negative_pathlen = mg_known_openssl_negative_pathlen,
    .time_year = mg_known_openssl_time_year,
    .day_past_month_end = mg_known_openssl_day_past_month_end,
};
