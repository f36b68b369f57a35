/* NSS's known divergences: where NSS is the odd one out. Each test reads NSS's own view
 * (self), the other stack's view, and what NSS itself can tell about the input
 * (x509_facts_nss.h: self answers for itself, so each record holds against any peer).
 * Recorded against OpenSSL 3.0, GnuTLS 3.7 and wolfSSL 5.5 with the x509_diff target; each
 * row's reproducer is replayed by ctest (fuzz-replay/x509_diff), fuzz/README.md ("NSS"). */
#include "x509_known_nss.h"

#include "fixture_nss.h"
#include "x509_facts_nss.h"

#include <secerr.h>
#include <secoid.h>

#include <string.h>

/* A date past its month's end that NSS turned into an instant (DER_DecodeTimeChoice rolls
 * the day over) where the other stack cannot read it. */
static bool impossible_date(const mg_x509_disagreement *d)
{
    return d->self.view->validity_read && !d->other.view->validity_read &&
           mg_x509_facts_nss.day_past_month_end(d->der, d->len);
}

/* keyUsage whose unused-bits octet is over 7 or marks set bits unused, and NSS read at least
 * the bits the other stack read. */
static bool key_usage_unused_bits(const mg_x509_disagreement *d)
{
    uint8_t v[64];
    size_t n = 0;
    const mg_x509_view *self = d->self.view, *other = d->other.view;
    if (self->ku_state != MG_EXT_READ || other->ku_state == MG_EXT_ABSENT ||
        (self->ku_bits & other->ku_bits) != other->ku_bits ||
        !mg_x509_facts_nss.extension_value(d->der, d->len, "key-usage", v, sizeof v, &n))
        return false;
    if (n < 4 || v[0] != 0x03 || v[1] < 2 || v[1] + 2u > n) return false;
    uint8_t unused = v[2], last = v[2 + v[1] - 1];
    return unused > 7 || (last & ((1u << unused) - 1)) != 0;
}

static bool refuses_negative_pathlen(const mg_x509_disagreement *d)
{
    return d->self.view->bc_state == MG_EXT_UNREADABLE &&
           d->other.view->bc_state == MG_EXT_READ &&
           mg_x509_facts_nss.negative_pathlen(d->der, d->len);
}

/* NSS read the extKeyUsage and one of its OIDs is not valid: CERT_GetOidString marks a
 * subidentifier it cannot decode, or the raw value holds an OBJECT IDENTIFIER whose last
 * octet has bit 8 set (its last subidentifier never ends). */
static bool eku_keeps_invalid_oid(const mg_x509_disagreement *d)
{
    uint8_t v[1024];
    size_t n = 0;
    if (d->self.view->eku_state != MG_EXT_READ) return false;
    /* CERT_GetOidString's own mark of a subidentifier it cannot decode */
    for (size_t i = 0; i < d->self.view->eku.count; i++)
        if (strstr(d->self.view->eku.items[i], "UNSUPPORTED") != NULL) return true;
    if (!mg_x509_facts_nss.extension_value(d->der, d->len, "eku", v, sizeof v, &n) || n < 2 ||
        v[0] != 0x30 || v[1] >= 0x80)
        return false;
    for (size_t at = 2; at + 2 <= n && v[at] == 0x06 && v[at + 1] < 0x80;) {
        size_t len = v[at + 1];
        if (at + 2 + len > n) return false;
        if (len == 0 || (v[at + 2 + len - 1] & 0x80) != 0) return true;
        at += 2 + len;
    }
    return false;
}

/* Two extensions of the input with the same extnID (that of `tag`, unless SEC_OID_UNKNOWN:
 * any), NSS having read the certificate. */
static bool duplicate_extension(const mg_x509_disagreement *d, SECOidTag tag)
{
    if (!d->self.view->accepted) return false;
    CERTCertificate *cert = mg_fixture_nss_decode(d->der, d->len);
    bool twice = false;
    for (CERTCertExtension **a = cert ? cert->extensions : NULL; a && *a && !twice; a++)
        for (CERTCertExtension **b = cert->extensions; b < a && !twice; b++)
            twice = SECITEM_ItemsAreEqual(&(*a)->id, &(*b)->id) &&
                    (tag == SEC_OID_UNKNOWN || SECOID_FindOIDTag(&(*a)->id) == tag);
    if (cert != NULL) CERT_DestroyCertificate(cert);
    return twice;
}

static bool duplicate_extension_read(const mg_x509_disagreement *d)
{
    return duplicate_extension(d, mg_x509_facts_nss_tag_of(d->field));
}

static bool duplicate_extension_accepted(const mg_x509_disagreement *d)
{
    return !d->other.view->accepted && duplicate_extension(d, SEC_OID_UNKNOWN);
}

static bool strict_der(const mg_x509_disagreement *d)
{
    return !d->self.view->accepted && d->other.view->accepted &&
           d->self.view->native_error == SEC_ERROR_BAD_DER;
}

/* subjectAltName 30 00: NSS cannot decode it, the other stack reads no names. */
static bool refuses_empty_san(const mg_x509_disagreement *d)
{
    uint8_t v[8];
    size_t n = 0;
    return d->self.view->san_state == MG_EXT_UNREADABLE &&
           d->other.view->san_state == MG_EXT_READ && d->other.view->san.count == 0 &&
           mg_x509_facts_nss.extension_value(d->der, d->len, "san", v, sizeof v, &n) &&
           n == 2 && v[0] == 0x30 && v[1] == 0x00;
}

const mg_x509_known_divergence mg_x509_known_nss[] = {
    {"nss-refuses-negative-pathlen", MG_DIVERGENCE_BENIGN, "basic-constraints", NULL,
     refuses_negative_pathlen,
     "A negative pathLenConstraint (RFC 5280: INTEGER (0..MAX)): NSS's decoder refuses the "
     "extension (SEC_ERROR_BAD_DER), so the certificate is no CA to it; OpenSSL reads -79 and "
     "marks it invalid, GnuTLS and wolfSSL read 177. Refusing is the safe side."},
    {"nss-refuses-empty-san", MG_DIVERGENCE_BENIGN, "san", NULL, refuses_empty_san,
     "An empty subjectAltName (30 00; RFC 5280 says SIZE (1..MAX)): NSS cannot decode it, "
     "as OpenSSL; GnuTLS reads no names. Either way no name matches."},
    {"nss-impossible-date-rolled-over", MG_DIVERGENCE_FINDING, "validity", NULL,
     impossible_date,
     "FINDING: a validity date past its month's end (UTCTime 270231000000Z): NSS's "
     "DER_DecodeTimeChoice takes the digits unchecked and rolls the day over (3 March 2027), "
     "as GnuTLS and wolfSSL do; OpenSSL refuses the date."},
    {"nss-key-usage-unused-bits", MG_DIVERGENCE_FINDING, "key-usage", NULL,
     key_usage_unused_bits,
     "FINDING: NSS reads keyUsage bits the BIT STRING marks unused (X.690 11.2.1: they must "
     "be zero): 03 02 07 99 is digitalSignature to OpenSSL (it masks them), and "
     "digitalSignature, dataEncipherment, keyAgreement, encipherOnly to NSS (and GnuTLS)."},
    {"nss-eku-keeps-invalid-oid", MG_DIVERGENCE_FINDING, "eku", NULL, eku_keeps_invalid_oid,
     "FINDING: an extKeyUsage OID whose last subidentifier is unterminated: OpenSSL refuses "
     "the extension (no purpose), GnuTLS reads a shorter OID; NSS keeps it as an OID it "
     "cannot name (CERT_GetOidString: ...UNSUPPORTED) and grants the valid purposes beside "
     "it (clientAuth), as wolfSSL does."},
    {"nss-duplicate-extension-first-read", MG_DIVERGENCE_FINDING, "accepted", NULL,
     duplicate_extension_accepted,
     "FINDING: two instances of one extension (RFC 5280 4.2 forbids it): GnuTLS refuses the "
     "certificate, OpenSSL marks it invalid and cannot read the extension; NSS decodes it, "
     "reads the first instance (CERT_FindCertExtension)."},
    {"nss-duplicate-extension-first-read", MG_DIVERGENCE_FINDING, "san", NULL,
     duplicate_extension_read, "as above"},
    {"nss-duplicate-extension-first-read", MG_DIVERGENCE_FINDING, "eku", NULL,
     duplicate_extension_read, "as above"},
    {"nss-duplicate-extension-first-read", MG_DIVERGENCE_FINDING, "basic-constraints", NULL,
     duplicate_extension_read, "as above"},
    {"nss-duplicate-extension-first-read", MG_DIVERGENCE_FINDING, "key-usage", NULL,
     duplicate_extension_read, "as above"},
    {"nss-strict-der", MG_DIVERGENCE_BENIGN, "accepted", NULL, strict_der,
     "NSS's QuickDER decoder refuses the certificate (SEC_ERROR_BAD_DER) where the other stack "
     "parses it: an encoding the other keeps as it read it, or reads leniently. Refusing is "
     "the safe side; every field is compared whenever both accept."},
    {NULL, MG_DIVERGENCE_BENIGN, NULL, NULL, NULL, NULL},
};
