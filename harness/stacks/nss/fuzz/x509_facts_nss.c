#include "x509_facts_nss.h"

#include "fixture_nss.h"

#include <secder.h>
#include <secoid.h>

#include <stdlib.h>
#include <string.h>

SECOidTag mg_x509_facts_nss_tag_of(const char *field)
{
    if (strcmp(field, "eku") == 0) return SEC_OID_X509_EXT_KEY_USAGE;
    if (strcmp(field, "san") == 0) return SEC_OID_X509_SUBJECT_ALT_NAME;
    if (strcmp(field, "basic-constraints") == 0) return SEC_OID_X509_BASIC_CONSTRAINTS;
    if (strcmp(field, "key-usage") == 0) return SEC_OID_X509_KEY_USAGE;
    return SEC_OID_UNKNOWN;
}

static bool extension_value(const uint8_t *der, size_t len, const char *field, uint8_t *buf,
                            size_t cap, size_t *out_len)
{
    CERTCertificate *cert = mg_fixture_nss_decode(der, len);
    SECItem value = {siBuffer, NULL, 0};
    SECOidTag tag = mg_x509_facts_nss_tag_of(field);
    bool found = cert != NULL && tag != SEC_OID_UNKNOWN &&
                 CERT_FindCertExtension(cert, (int)tag, &value) == SECSuccess;
    bool fits = found && value.len <= cap;
    if (fits) memcpy(buf, value.data, value.len), *out_len = value.len;
    if (found) SECITEM_FreeItem(&value, PR_FALSE);
    if (cert != NULL) CERT_DestroyCertificate(cert);
    return fits;
}

static bool sigalg_mismatch(const uint8_t *der, size_t len)
{
    CERTCertificate *cert = mg_fixture_nss_decode(der, len);
    if (cert == NULL) return false;
    bool differ = SECOID_CompareAlgorithmID(&cert->signature,
                                            &cert->signatureWrap.signatureAlgorithm) != SECEqual;
    CERT_DestroyCertificate(cert);
    return differ;
}

static bool extensions_before_v3(const uint8_t *der, size_t len)
{
    CERTCertificate *cert = mg_fixture_nss_decode(der, len);
    if (cert == NULL) return false;
    long version = cert->version.len == 0 ? 0 : DER_GetInteger(&cert->version);
    bool early = version < 2 && cert->extensions != NULL && cert->extensions[0] != NULL;
    CERT_DestroyCertificate(cert);
    return early;
}

/* BasicConstraints ::= SEQUENCE { cA BOOLEAN DEFAULT FALSE, pathLenConstraint INTEGER
 * OPTIONAL }, read from the raw value: an INTEGER whose first content octet has bit 8 set. */
static bool negative_pathlen(const uint8_t *der, size_t len)
{
    uint8_t v[64];
    size_t n = 0;
    if (!extension_value(der, len, "basic-constraints", v, sizeof v, &n) || n < 2 ||
        v[0] != 0x30 || v[1] != n - 2)
        return false;
    size_t at = 2;
    if (at + 2 <= n && v[at] == 0x01) at += 2 + (size_t)v[at + 1];
    return at + 3 <= n && v[at] == 0x02 && v[at + 1] >= 1 && (v[at + 2] & 0x80) != 0;
}

bool mg_x509_facts_nss_times(const uint8_t *der, size_t len, mg_nss_times *out)
{
    CERTCertificate *cert = mg_fixture_nss_decode(der, len);
    if (cert == NULL) return false;
    const SECItem *times[2] = {&cert->validity.notBefore, &cert->validity.notAfter};
    bool ok = true;
    for (int i = 0; i < 2; i++) {
        size_t n = times[i]->len < sizeof out->text[i] ? times[i]->len : 0;
        ok = ok && n > 0;
        memcpy(out->text[i], times[i]->data, n);
        out->text[i][n] = '\0';
        out->generalized[i] = times[i]->type == siGeneralizedTime;
    }
    CERT_DestroyCertificate(cert);
    return ok;
}

static int digits(const char *s, int count)
{
    int v = 0;
    for (int i = 0; i < count; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Year, month and day as written; false when they are not digits. */
static bool date_of(const mg_nss_times *t, int i, int *year, int *month, int *day)
{
    const char *s = t->text[i];
    int y = t->generalized[i] ? digits(s, 4) : digits(s, 2);
    size_t at = t->generalized[i] ? 4 : 2;
    if (y < 0 || strlen(s) < at + 4) return false;
    *year = t->generalized[i] ? y : y < 50 ? 2000 + y : 1900 + y;
    *month = digits(s + at, 2);
    *day = digits(s + at + 2, 2);
    return *month >= 0 && *day >= 0;
}

static bool time_year(const uint8_t *der, size_t len, bool not_after, int *year)
{
    mg_nss_times t;
    int month, day;
    return mg_x509_facts_nss_times(der, len, &t) && date_of(&t, not_after, year, &month, &day);
}

static bool day_past_month_end(const uint8_t *der, size_t len)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    mg_nss_times t;
    if (!mg_x509_facts_nss_times(der, len, &t)) return false;
    for (int i = 0; i < 2; i++) {
        int year, month, day;
        if (!date_of(&t, i, &year, &month, &day) || month < 1 || month > 12 || day < 29 ||
            day > 31)
            continue;
        bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        int last = month == 2 && !leap ? 28 : days[month - 1];
        if (day > last) return true;
    }
    return false;
}

/* What NSS cannot tell (x509_facts_nss.h). */
static bool cannot_tell(const uint8_t *der, size_t len)
{
    (void)der, (void)len;
    return false;
}

static bool no_bad_oid_answer(const uint8_t *der, size_t len, const char *field)
{
    (void)field;
    return cannot_tell(der, len);
}

const mg_x509_facts mg_x509_facts_nss = {
    .marked_invalid = cannot_tell,
    .sigalg_mismatch = sigalg_mismatch,
    .extensions_before_v3 = extensions_before_v3,
    .not_canonical = cannot_tell,
    .extension_value = extension_value,
    .extension_bad_oid = no_bad_oid_answer,
    .negative_pathlen = negative_pathlen,
    .time_year = time_year,
    .day_past_month_end = day_past_month_end,
};
