/* GnuTLS's known divergences: where GnuTLS is the odd one out. Each test reads GnuTLS's own
 * view (self: its native error is a GnuTLS error code) and asks the other stack what it can
 * tell about the input (x509_known.h's facts), so a record holds against any peer that can
 * answer; a peer that cannot leaves the disagreement unexplained. Recorded against OpenSSL. */
#include "x509_known_gnutls.h"

#include <gnutls/gnutls.h>
#include <string.h>

static bool refused_against_accepted(const mg_x509_disagreement *d, long code)
{
    return d->other.view->accepted && !d->self.view->accepted &&
           d->self.view->native_error == code;
}

static bool duplicate_extension(const mg_x509_disagreement *d)
{
    return refused_against_accepted(d, GNUTLS_E_X509_DUPLICATE_EXTENSION) &&
           d->other.facts->marked_invalid(d->der, d->len);
}

static bool malformed_time(const mg_x509_disagreement *d)
{
    return (refused_against_accepted(d, GNUTLS_E_ASN1_TIME_ERROR) ||
            refused_against_accepted(d, GNUTLS_E_CERTIFICATE_TIME_ERROR)) &&
           !d->other.view->validity_read;
}

static bool signature_algorithm_mismatch(const mg_x509_disagreement *d)
{
    return refused_against_accepted(d, GNUTLS_E_CERTIFICATE_ERROR) &&
           d->other.facts->sigalg_mismatch(d->der, d->len);
}

static bool extensions_before_v3(const mg_x509_disagreement *d)
{
    return refused_against_accepted(d, GNUTLS_E_CERTIFICATE_ERROR) &&
           d->other.facts->extensions_before_v3(d->der, d->len);
}

static bool refused_der(const mg_x509_disagreement *d)
{
    return refused_against_accepted(d, GNUTLS_E_ASN1_DER_ERROR) ||
           refused_against_accepted(d, GNUTLS_E_ASN1_TAG_ERROR);
}

static bool not_canonical_der(const mg_x509_disagreement *d)
{
    return (refused_der(d) || refused_against_accepted(d, GNUTLS_E_ASN1_DER_OVERFLOW)) &&
           d->other.facts->not_canonical(d->der, d->len);
}

/* GnuTLS refused with a DER error where the other stack's parse succeeded: OpenSSL keeps some
 * encodings as it read them (names, extension values, keys), so its re-encoding cannot
 * always show that the input was not DER; libtasn1 decodes them strictly. */
static bool strict_der(const mg_x509_disagreement *d)
{
    return refused_der(d);
}

static mg_ext_state state_of(const mg_x509_view *v, const char *field)
{
    if (strcmp(field, "eku") == 0) return v->eku_state;
    if (strcmp(field, "san") == 0) return v->san_state;
    if (strcmp(field, "basic-constraints") == 0) return v->bc_state;
    return v->ku_state;
}

static bool key_usage_unused_bits(const mg_x509_disagreement *d)
{
    uint8_t raw[64];
    size_t n;
    const mg_x509_view *self = d->self.view, *other = d->other.view;
    if (self->ku_state != MG_EXT_READ || other->ku_state == MG_EXT_ABSENT ||
        (self->ku_bits & other->ku_bits) != other->ku_bits ||
        !d->other.facts->extension_value(d->der, d->len, "key-usage", raw, sizeof raw, &n))
        return false;
    /* BIT STRING, short length L >= 2, unused-bit count u: u > 7 (invalid), or a set bit
     * among the unused ones. */
    if (n < 4 || raw[0] != 0x03 || raw[1] < 2 || raw[1] + 2u > n || raw[2] < 1) return false;
    uint8_t last = raw[2 + raw[1] - 1];
    return raw[2] > 7 || (last & ((1u << raw[2]) - 1)) != 0;
}

/* The extension's value is a SEQUENCE whose long-form length has more length octets than
 * the value has bytes left (30 87, 30 F6 ...), and GnuTLS read it as an empty SEQUENCE. */
static bool truncated_length_read_as_empty(const mg_x509_disagreement *d)
{
    uint8_t raw[4096];
    size_t n;
    const mg_x509_view *g = d->self.view;
    bool empty = strcmp(d->field, "san") == 0 ? g->san_state == MG_EXT_READ && g->san.count == 0
                 : strcmp(d->field, "basic-constraints") == 0
                     ? g->bc_state == MG_EXT_READ && !g->ca && g->pathlen == -1
                     : false;
    if (!empty || state_of(d->other.view, d->field) != MG_EXT_UNREADABLE ||
        !d->other.facts->extension_value(d->der, d->len, d->field, raw, sizeof raw, &n) || n < 2)
        return false;
    return raw[0] == 0x30 && (raw[1] & 0x80) != 0 && (size_t)(raw[1] & 0x7f) > n - 2;
}

/* A date the other stack refuses (day 31 of a 30-day month, February 30) that GnuTLS turns
 * into an instant after 1970: only a day-of-month past the month's end is explained. */
static bool impossible_date(const mg_x509_disagreement *d)
{
    const mg_x509_view *g = d->self.view;
    return !d->other.view->validity_read && g->validity_read && g->not_before > 0 &&
           g->not_after > 0 && d->other.facts->day_past_month_end(d->der, d->len);
}

static bool oid_not_decodable(const mg_x509_disagreement *d)
{
    return d->other.view->eku_state == MG_EXT_UNREADABLE &&
           d->self.view->eku_state == MG_EXT_READ &&
           d->other.facts->extension_bad_oid(d->der, d->len, "eku");
}

static bool negative_pathlen(const mg_x509_disagreement *d)
{
    const mg_x509_view *self = d->self.view, *other = d->other.view;
    return other->bc_state == MG_EXT_READ && self->bc_state == MG_EXT_READ &&
           other->ca == self->ca && d->other.facts->negative_pathlen(d->der, d->len);
}

/* Only the instants differ, each either equal or the other's before 1970 where GnuTLS has 0. */
static bool pre_epoch_clamped(const mg_x509_disagreement *d)
{
    const mg_x509_view *o = d->other.view, *g = d->self.view;
    if (!o->validity_read || !g->validity_read) return false;
    bool nb = o->not_before == g->not_before || (o->not_before < 0 && g->not_before == 0);
    bool na = o->not_after == g->not_after || (o->not_after < 0 && g->not_after == 0);
    return nb && na;
}

static bool pre_epoch_unchecked(const mg_x509_disagreement *d)
{
    int year_nb, year_na;
    const mg_x509_view *g = d->self.view;
    if (d->other.view->validity_read || !g->validity_read ||
        !d->other.facts->time_year(d->der, d->len, false, &year_nb) ||
        !d->other.facts->time_year(d->der, d->len, true, &year_na))
        return false;
    return (year_nb < 1970 && g->not_before == 0) || (year_na < 1970 && g->not_after == 0);
}

const mg_x509_known_divergence mg_x509_known_gnutls[] = {
    {"duplicate-extension", MG_DIVERGENCE_BENIGN, "accepted", NULL, duplicate_extension,
     "RFC 5280 4.2 forbids two instances of an extension. GnuTLS refuses the certificate "
     "when it parses it; OpenSSL parses it, marks it EXFLAG_INVALID and its verifier refuses "
     "it. Both refuse it."},
    {"malformed-time", MG_DIVERGENCE_BENIGN, "accepted", NULL, malformed_time,
     "A validity time that is not a valid date in the DER form of RFC 5280 4.1.2.5. GnuTLS "
     "refuses it when it parses; OpenSSL keeps the string, cannot read it as a time, and its "
     "verifier refuses the certificate. Both refuse it."},
    {"signature-algorithm-mismatch", MG_DIVERGENCE_BENIGN, "accepted", NULL,
     signature_algorithm_mismatch,
     "tbsCertificate.signature differs from signatureAlgorithm (RFC 5280 4.1.1.2). GnuTLS "
     "refuses at parse; OpenSSL's verifier refuses it (signature algorithm mismatch)."},
    {"extensions-before-v3", MG_DIVERGENCE_BENIGN, "accepted", NULL, extensions_before_v3,
     "A version 1 or 2 certificate with extensions (RFC 5280 4.1.2.9: only v3 has them). "
     "GnuTLS refuses it when parsing; OpenSSL parses it and reads the extensions, so "
     "every field verification reads is still compared when both accept."},
    {"not-canonical-der", MG_DIVERGENCE_BENIGN, "accepted", NULL, not_canonical_der,
     "The input is not canonical DER (OpenSSL re-encodes what it parsed differently). OpenSSL's "
     "decoder accepts some BER forms; GnuTLS (libtasn1, strict DER) refuses them. X.509 asks "
     "for DER; the lenient reading changes no field verification reads."},
    {"gnutls-strict-der", MG_DIVERGENCE_BENIGN, "accepted", NULL, strict_der,
     "GnuTLS refuses a DER error inside an encoding OpenSSL keeps as it read it (a name, an "
     "extension value, a key), so OpenSSL's re-encoding cannot show the input was not DER. "
     "Refusing is the safe side; fields are compared whenever both accept."},
    {"pre-epoch-clamped", MG_DIVERGENCE_BENIGN, "validity", NULL, pre_epoch_clamped,
     "A validity instant before 1970: GnuTLS's time conversion returns 0 (the epoch) for it, "
     "OpenSSL the negative instant. Both are in the past at any verification time."},
    {"gnutls-key-usage-unused-bits", MG_DIVERGENCE_FINDING, "key-usage", NULL,
     key_usage_unused_bits,
     "FINDING: GnuTLS ignores the unused-bits octet of keyUsage. It reads bits the BIT "
     "STRING marks unused (X.690 11.2.1: they must be zero): 03 02 07 99 is digitalSignature "
     "to OpenSSL (it masks them) and digitalSignature, dataEncipherment, keyAgreement, "
     "encipherOnly to GnuTLS. It reads 03 02 08 86 (8 unused bits, invalid; OpenSSL refuses "
     "it) as digitalSignature, keyCertSign, cRLSign."},
    {"gnutls-truncates-bad-oid", MG_DIVERGENCE_FINDING, "eku", NULL, oid_not_decodable,
     "FINDING: an EKU OBJECT IDENTIFIER whose last subidentifier is unterminated (its last "
     "octet has bit 8 set). OpenSSL refuses the EKU; GnuTLS (libtasn1) reads a different, "
     "shorter OID (2B 06 01 05 05 07 03 FD reads as 1.3.6.1.5.5.7.3)."},
    {"gnutls-negative-pathlen", MG_DIVERGENCE_FINDING, "basic-constraints", NULL,
     negative_pathlen,
     "FINDING: a negative pathLenConstraint (RFC 5280: INTEGER (0..MAX)). OpenSSL reads it "
     "as negative and marks the certificate invalid; GnuTLS reads the octets as unsigned "
     "(0xB1 = -79 reads as 177), a larger allowance."},
    {"gnutls-truncated-length-read-as-empty", MG_DIVERGENCE_FINDING, "basic-constraints", NULL,
     truncated_length_read_as_empty,
     "FINDING: a basicConstraints or subjectAltName value that is a SEQUENCE whose long-form "
     "length announces more length octets than follow (30 87, 30 F6). OpenSSL cannot decode "
     "it; GnuTLS reads an empty SEQUENCE: cA FALSE (the safe side), no names (its host "
     "check then falls back to the CN, as OpenSSL's does when it cannot decode the SAN). "
     "The same bytes in extKeyUsage are refused by GnuTLS too."},
    {"gnutls-truncated-length-read-as-empty", MG_DIVERGENCE_FINDING, "san", NULL,
     truncated_length_read_as_empty, "as above"},
    {"gnutls-impossible-date", MG_DIVERGENCE_FINDING, "validity", NULL, impossible_date,
     "FINDING: a validity date past its month's end (UTCTime 270231000000Z, 31 February "
     "2027). OpenSSL refuses it; GnuTLS accepts it and rolls it over (to 3 March 2027)."},
    {"gnutls-pre-1970-unchecked", MG_DIVERGENCE_FINDING, "validity", NULL, pre_epoch_unchecked,
     "FINDING: a validity time before 1970 that is not a valid date (UTCTime 502404000000Z, "
     "month 24). GnuTLS does not check it and returns 0 (valid since the epoch); OpenSSL "
     "cannot read it and its verifier refuses the certificate. After 1970 GnuTLS refuses "
     "the same mistake when it parses."},
    {NULL, MG_DIVERGENCE_BENIGN, NULL, NULL, NULL, NULL},
};
