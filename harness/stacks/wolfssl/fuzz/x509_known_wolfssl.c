/* wolfSSL's known divergences: where wolfSSL is the odd one out. Each test reads wolfSSL's own
 * view (self: its native error is a wolfCrypt error code), the other stack's view and, where
 * wolfCrypt refused the input and so cannot be asked, the input itself (x509_input_wolfssl.h);
 * none needs the other stack's facts, so each holds against any peer. Recorded against OpenSSL
 * 3.0 and GnuTLS 3.7 with the x509_diff target (fuzz/README.md). */
#include "x509_known_wolfssl.h"

#include "x509_input_wolfssl.h"

#include <wolfssl/options.h> /* first of wolfSSL's headers: the build's feature macros */

#include <wolfssl/wolfcrypt/error-crypt.h>

#include <string.h>
#include <time.h>

/* The DER content octets of the extension OIDs the view covers. */
static const uint8_t OID_KEY_USAGE[] = {0x55, 0x1d, 0x0f};
static const uint8_t OID_SAN[] = {0x55, 0x1d, 0x11};
static const uint8_t OID_BASIC_CONSTRAINTS[] = {0x55, 0x1d, 0x13};
static const uint8_t OID_EKU[] = {0x55, 0x1d, 0x25};

static const struct {
    const uint8_t *oid;
    size_t len;
} view_extensions[] = {
    {OID_KEY_USAGE, sizeof OID_KEY_USAGE},
    {OID_SAN, sizeof OID_SAN},
    {OID_BASIC_CONSTRAINTS, sizeof OID_BASIC_CONSTRAINTS},
    {OID_EKU, sizeof OID_EKU},
};

static bool refused_against_accepted(const mg_x509_disagreement *d, long code)
{
    return d->other.view->accepted && !d->self.view->accepted &&
           d->self.view->native_error == code;
}

/* RFC 5280 4.2: a critical extension the relying party cannot process MUST make it refuse
 * the certificate; wolfCrypt does so when it parses. */
static bool critical_extension(const mg_x509_disagreement *d)
{
    return refused_against_accepted(d, ASN_CRIT_EXT_E);
}

static bool duplicate_extension(const mg_x509_disagreement *d)
{
    if (!refused_against_accepted(d, ASN_OBJECT_ID_E)) return false;
    mg_der_span value;
    for (size_t i = 0; i < sizeof view_extensions / sizeof *view_extensions; i++)
        if (mg_wolf_input_extension(d->der, d->len, view_extensions[i].oid,
                                    view_extensions[i].len, 1, &value))
            return true;
    return false;
}

static bool empty_san(const mg_x509_disagreement *d)
{
    const mg_x509_view *o = d->other.view;
    return refused_against_accepted(d, ASN_PARSE_E) && o->san_state == MG_EXT_READ &&
           o->san.count == 0;
}

/* A keyUsage BIT STRING whose unused-bits octet is over 7, or marks bits unused that are set. */
static bool bad_key_usage_bits(mg_der_span v)
{
    if (v.n < 4 || v.p[0] != 0x03 || v.p[1] < 2 || v.p[1] + 2u > v.n) return false;
    uint8_t unused = v.p[2], last = v.p[2 + v.p[1] - 1];
    return unused > 7 || (last & ((1u << unused) - 1)) != 0;
}

static bool malformed_extension(const mg_x509_disagreement *d)
{
    if (!refused_against_accepted(d, ASN_PARSE_E) &&
        !refused_against_accepted(d, ASN_BITSTR_E))
        return false;
    mg_der_span value;
    for (size_t i = 0; i < sizeof view_extensions / sizeof *view_extensions; i++) {
        if (!mg_wolf_input_extension(d->der, d->len, view_extensions[i].oid,
                                     view_extensions[i].len, 0, &value))
            continue;
        if (!mg_wolf_input_one_tlv(value)) return true;
        if (view_extensions[i].oid == OID_KEY_USAGE && bad_key_usage_bits(value)) return true;
    }
    return false;
}

/* The OIDs of extendedKeyUsage purposes wolfCrypt knows (EXTKEYUSE_*), x509_view_wolfssl.c's. */
static bool wolfssl_knows_purpose(const char *oid)
{
    static const char *const known[] = {"2.5.29.37.0",       "1.3.6.1.5.5.7.3.1",
                                        "1.3.6.1.5.5.7.3.2", "1.3.6.1.5.5.7.3.3",
                                        "1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.8",
                                        "1.3.6.1.5.5.7.3.9"};
    for (size_t i = 0; i < sizeof known / sizeof *known; i++)
        if (strcmp(oid, known[i]) == 0) return true;
    return false;
}

/* wolfSSL's list (sorted, each known purpose once) is the other's known purposes, each once. */
static bool eku_known_purposes_only(const mg_x509_disagreement *d)
{
    const mg_x509_view *s = d->self.view, *o = d->other.view;
    if (s->eku_state != MG_EXT_READ || o->eku_state != MG_EXT_READ) return false;
    size_t matched = 0;
    for (size_t i = 0; i < o->eku.count; i++) {
        const char *oid = o->eku.items[i];
        if (!wolfssl_knows_purpose(oid) || (i > 0 && strcmp(oid, o->eku.items[i - 1]) == 0))
            continue;
        if (matched >= s->eku.count || strcmp(oid, s->eku.items[matched]) != 0) return false;
        matched++;
    }
    return matched == s->eku.count;
}

/* The other stack cannot read the EKU; wolfCrypt read only purposes it knows, and none. */
static bool eku_unreadable_read_as_none(const mg_x509_disagreement *d)
{
    const mg_x509_view *s = d->self.view;
    return d->other.view->eku_state == MG_EXT_UNREADABLE && s->eku_state == MG_EXT_READ &&
           s->eku.count == 0;
}

/* The instant wolfCrypt read falls on another calendar date than the one written: an
 * impossible date (month 13-99, a day past its month's end) that ExtractDate took as it is
 * and timegm() rolled over. */
static bool instant_off_its_date(const uint8_t *der, size_t len, bool not_after, int64_t at)
{
    int year, month, day;
    if (!mg_wolf_input_date(der, len, not_after, &year, &month, &day)) return false;
    time_t t = (time_t)at;
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL) return false;
    return tm.tm_year + 1900 != year || tm.tm_mon + 1 != month || tm.tm_mday != day;
}

static bool impossible_date_rolled_over(const mg_x509_disagreement *d)
{
    const mg_x509_view *s = d->self.view;
    return s->validity_read &&
           (instant_off_its_date(d->der, d->len, false, s->not_before) ||
            instant_off_its_date(d->der, d->len, true, s->not_after));
}

/* pathLenConstraint is kept in a byte: a negative one, 02 01 B1 (-79), reads as 177. */
static bool negative_pathlen(const mg_x509_disagreement *d)
{
    const mg_x509_view *s = d->self.view, *o = d->other.view;
    return s->bc_state == MG_EXT_READ && o->bc_state == MG_EXT_READ && s->ca == o->ca &&
           o->pathlen < 0 && o->pathlen >= -128 && s->pathlen == (o->pathlen & 0xff);
}

const mg_x509_known_divergence mg_x509_known_wolfssl[] = {
    {"wolfssl-refuses-critical-extension", MG_DIVERGENCE_BENIGN, "accepted", NULL,
     critical_extension,
     "A critical extension wolfCrypt does not process: it refuses the certificate when it parses "
     "it (ASN_CRIT_EXT_E), as RFC 5280 4.2 asks; the others parse it and their verifiers refuse "
     "it (unhandled critical extension)."},
    {"wolfssl-duplicate-extension", MG_DIVERGENCE_BENIGN, "accepted", NULL, duplicate_extension,
     "RFC 5280 4.2 forbids two instances of an extension: wolfCrypt refuses the certificate when "
     "it parses it (ASN_OBJECT_ID_E, DecodeCertExtensions); OpenSSL parses it and marks it "
     "invalid, GnuTLS refuses it too."},
    {"wolfssl-refuses-empty-san", MG_DIVERGENCE_BENIGN, "accepted", NULL, empty_san,
     "A subjectAltName holding no names (GeneralNames is SIZE (1..MAX), RFC 5280 4.2.1.6): "
     "wolfCrypt refuses the certificate (ASN_PARSE_E); OpenSSL and GnuTLS read no names. "
     "Refusing is the safe side."},
    {"wolfssl-refuses-malformed-extension", MG_DIVERGENCE_BENIGN, "accepted", NULL,
     malformed_extension,
     "A keyUsage, subjectAltName, basicConstraints or extKeyUsage value that is not one DER "
     "element (a length past its end), or a keyUsage BIT STRING with set bits marked unused "
     "(X.690 11.2.1): wolfCrypt refuses the whole certificate (ASN_PARSE_E, ASN_BITSTR_E) where "
     "the other stack parses it and reads or drops the extension. Refusing is the safe side."},
    {"wolfssl-eku-known-purposes-only", MG_DIVERGENCE_BENIGN, "eku", NULL,
     eku_known_purposes_only,
     "wolfCrypt keeps extendedKeyUsage as one bit per purpose it knows (any, serverAuth, "
     "clientAuth, codeSigning, emailProtection, timeStamping, OCSPSigning; EXTKEYUSE_*): other "
     "OIDs and duplicates leave no trace. Its checks only ask for those purposes, so nothing "
     "verification reads is lost."},
    {"wolfssl-eku-unreadable-read-as-none", MG_DIVERGENCE_BENIGN, "eku", NULL,
     eku_unreadable_read_as_none,
     "An extKeyUsage the other stack cannot decode (an OID it refuses): wolfCrypt matches each "
     "OID against the purposes it knows and reads none, so the certificate grants no purpose."},
    {"wolfssl-impossible-date-rolled-over", MG_DIVERGENCE_FINDING, "validity", NULL,
     impossible_date_rolled_over,
     "FINDING: a validity date that is no calendar date (UTCTime 270231000000Z, 31 February "
     "2027; 502404000000Z, month 24 of 1950): wolfCrypt 5.5.4's ExtractDate takes the digits "
     "without a range check and its date comparison uses them as they are; OpenSSL refuses the "
     "date, GnuTLS refuses it or reads 0. As an instant it rolls over (3 March 2027; "
     "December 1951)."},
    {"wolfssl-negative-pathlen", MG_DIVERGENCE_FINDING, "basic-constraints", NULL,
     negative_pathlen,
     "FINDING: a negative pathLenConstraint (RFC 5280: INTEGER (0..MAX)): wolfCrypt keeps it "
     "in a byte and reads 02 01 B1 (-79) as 177, a larger allowance, as GnuTLS does; OpenSSL "
     "reads it as negative and marks the certificate invalid."},
    {NULL, MG_DIVERGENCE_BENIGN, NULL, NULL, NULL, NULL},
};
