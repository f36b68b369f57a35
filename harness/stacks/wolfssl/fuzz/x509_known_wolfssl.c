/* wolfSSL's known divergences: where wolfSSL is the odd one out. Each test reads wolfSSL's own
 * view (self: its native error is a wolfCrypt error code), the other stack's view and, where
 * wolfCrypt refused the input and so cannot be asked, the input itself (x509_input_wolfssl.h);
 * none needs the other stack's facts, so each holds against any peer. Recorded against OpenSSL
 * 3.0 and GnuTLS 3.7 with the x509_diff target (fuzz/README.md). */
#include "x509_known_wolfssl.h"

#include "x509_input_wolfssl.h"

#include <wolfssl/options.h> /* first of wolfSSL's headers: the build's feature macros */

#include <wolfssl/wolfcrypt/asn_public.h>
#include <wolfssl/wolfcrypt/ecc.h>
#include <wolfssl/wolfcrypt/error-crypt.h>
#include <wolfssl/wolfcrypt/rsa.h>

#include <string.h>
#include <time.h>

/* DER content octets of OIDs. */
typedef struct {
    const uint8_t *oid;
    size_t len;
} oid_bytes;
#define OID(...) {(const uint8_t[]){__VA_ARGS__}, sizeof((const uint8_t[]){__VA_ARGS__})}
#define COUNT(a) (sizeof a / sizeof *a)

static const oid_bytes OID_KEY_USAGE = OID(0x55, 0x1d, 0x0f);
/* The extensions wolfCrypt decodes and the tag their value must have: keyUsage,
 * subjectAltName, basicConstraints, extKeyUsage, subjectKeyIdentifier,
 * authorityKeyIdentifier, cRLDistributionPoints, certificatePolicies, nameConstraints,
 * policyConstraints, authorityInfoAccess. */
static const struct {
    oid_bytes id;
    uint8_t tag;
} view_extensions[] = {
    {OID(0x55, 0x1d, 0x0f), 0x03}, {OID(0x55, 0x1d, 0x11), 0x30}, {OID(0x55, 0x1d, 0x13), 0x30},
    {OID(0x55, 0x1d, 0x25), 0x30}, {OID(0x55, 0x1d, 0x0e), 0x04}, {OID(0x55, 0x1d, 0x23), 0x30},
    {OID(0x55, 0x1d, 0x1f), 0x30}, {OID(0x55, 0x1d, 0x20), 0x30}, {OID(0x55, 0x1d, 0x1e), 0x30},
    {OID(0x55, 0x1d, 0x24), 0x30},
    {OID(0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x01, 0x01), 0x30},
};

/* Algorithms wolfCrypt 5.5.4 (Debian's build) reads in a certificate: keys, EC curves,
 * signatures. */
enum { KEY_EC = 2, KEY_DSA = 7 };
static const oid_bytes known_keys[] = {
    OID(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01), /* rsaEncryption */
    OID(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a), /* RSASSA-PSS */
    OID(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01),             /* ecPublicKey */
    OID(0x2b, 0x65, 0x70), OID(0x2b, 0x65, 0x71),              /* Ed25519, Ed448 */
    OID(0x2b, 0x65, 0x6e), OID(0x2b, 0x65, 0x6f),              /* X25519, X448 */
    OID(0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01),             /* DSA */
};
static const oid_bytes known_curves[] = {
    OID(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07), /* P-256 */
    OID(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x01), /* P-192 */
    OID(0x2b, 0x81, 0x04, 0x00, 0x21), OID(0x2b, 0x81, 0x04, 0x00, 0x22), /* P-224, P-384 */
    OID(0x2b, 0x81, 0x04, 0x00, 0x23), OID(0x2b, 0x81, 0x04, 0x00, 0x0a), /* P-521, k256 */
    OID(0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x07),           /* brainpool */
    OID(0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0b),
    OID(0x2b, 0x24, 0x03, 0x03, 0x02, 0x08, 0x01, 0x01, 0x0d),
};
static const oid_bytes known_signatures[] = {
    OID(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x01),       /* ecdsa-with-SHA1 */
    OID(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x01), /* ecdsa-with-SHA224 .. SHA512 */
    OID(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02),
    OID(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03),
    OID(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x04),
    OID(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x04), /* md5WithRSAEncryption */
    OID(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x05), /* sha1WithRSAEncryption */
    OID(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a), /* RSASSA-PSS */
    OID(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b), /* sha256 .. sha224 */
    OID(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0c),
    OID(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0d),
    OID(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0e),
    OID(0x2b, 0x65, 0x70), OID(0x2b, 0x65, 0x71), /* Ed25519, Ed448 */
};

static bool known(mg_der_span oid, const oid_bytes *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (mg_wolf_input_same(oid, list[i].oid, list[i].len)) return true;
    return false;
}

/* The OID (and the next field, for a key's parameters) of an AlgorithmIdentifier TLV. */
static bool algorithm(mg_der_span whole, mg_der_span *oid, mg_der_span *param)
{
    mg_der_span content;
    uint8_t tag;
    param->n = 0;
    if (!mg_wolf_input_take(&whole, &tag, &content) || tag != 0x30 ||
        !mg_wolf_input_take(&content, &tag, oid) || tag != 0x06)
        return false;
    if (content.n > 0 && (!mg_wolf_input_take(&content, &tag, param) || tag != 0x06))
        param->n = 0;
    return true;
}

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

/* keyCertSign asserted without cA (RFC 5280 4.2.1.9: "If the cA boolean is not asserted,
 * then the keyCertSign bit in the key usage extension MUST NOT be asserted"): wolfCrypt 5.7
 * refuses it when it parses (ParseCertRelative, KEYUSAGE_E unless ALLOW_INVALID_CERTSIGN);
 * 5.5.4 parses it. The other stack's view says what the input holds. */
#define MG_KU_KEY_CERT_SIGN (1u << 5)
static bool keycertsign_without_ca(const mg_x509_disagreement *d)
{
    const mg_x509_view *other = d->other.view;
    return refused_against_accepted(d, KEYUSAGE_E) && other->ku_state == MG_EXT_READ &&
           (other->ku_bits & MG_KU_KEY_CERT_SIGN) != 0 && !other->ca;
}

/* Two extensions with the same extnID. */
static bool duplicate_extension(const mg_x509_disagreement *d)
{
    if (!refused_against_accepted(d, ASN_OBJECT_ID_E)) return false;
    mg_der_span oid_i, oid_j, value;
    for (int i = 0; mg_wolf_input_extension_at(d->der, d->len, i, &oid_i, &value); i++)
        for (int j = 0; j < i && mg_wolf_input_extension_at(d->der, d->len, j, &oid_j, &value);
             j++)
            if (mg_wolf_input_same(oid_i, oid_j.p, oid_j.n)) return true;
    return false;
}

static bool empty_san(const mg_x509_disagreement *d)
{
    const mg_x509_view *o = d->other.view;
    return o->accepted && !d->self.view->accepted && o->san_state == MG_EXT_READ &&
           o->san.count == 0;
}

/* A keyUsage BIT STRING whose unused-bits octet is over 7, or marks bits unused that are set. */
static bool bad_key_usage_bits(mg_der_span v)
{
    if (v.n < 4 || v.p[0] != 0x03 || v.p[1] < 2 || v.p[1] + 2u > v.n) return false;
    uint8_t unused = v.p[2], last = v.p[2 + v.p[1] - 1];
    return unused > 7 || (last & ((1u << unused) - 1)) != 0;
}

/* One of the input's extension values is not one DER element, or one the view covers is not
 * of its type, or keyUsage marks set bits unused. */
static bool has_malformed_extension(const uint8_t *der, size_t len)
{
    mg_der_span oid, value;
    for (int i = 0; mg_wolf_input_extension_at(der, len, i, &oid, &value); i++) {
        if (!mg_wolf_input_well_formed(value)) return true;
        for (size_t v = 0; v < COUNT(view_extensions); v++)
            if (mg_wolf_input_same(oid, view_extensions[v].id.oid, view_extensions[v].id.len) &&
                !mg_wolf_input_one_tlv(value, view_extensions[v].tag))
                return true;
        if (mg_wolf_input_same(oid, OID_KEY_USAGE.oid, OID_KEY_USAGE.len) &&
            bad_key_usage_bits(value))
            return true;
    }
    return false;
}

static bool malformed_extension(const mg_x509_disagreement *d)
{
    return (refused_against_accepted(d, ASN_PARSE_E) ||
            refused_against_accepted(d, ASN_BITSTR_E)) &&
           has_malformed_extension(d->der, d->len);
}

/* The key's algorithm, its curve (explicit parameters name none), or the signature algorithm
 * is none wolfCrypt reads. */
static bool unknown_algorithm(const mg_x509_disagreement *d)
{
    if (!refused_against_accepted(d, ASN_UNKNOWN_OID_E) &&
        !refused_against_accepted(d, ECC_CURVE_OID_E) &&
        !refused_against_accepted(d, ASN_OBJECT_ID_E) && !refused_against_accepted(d, ASN_PARSE_E))
        return false;
    mg_der_span spki, content, alg, oid, param, sig;
    uint8_t tag;
    if (mg_wolf_input_tbs_field(d->der, d->len, MG_TBS_SPKI, &spki) &&
        mg_wolf_input_take(&spki, &tag, &content) && mg_wolf_input_take(&content, &tag, &alg)) {
        /* alg is the AlgorithmIdentifier's content here: put it back in a SEQUENCE view (its
         * header is 2 octets, or 3 and 4 in long form: explicit EC parameters run to ~200) */
        size_t header = alg.n < 128 ? 2 : alg.n < 256 ? 3 : 4;
        mg_der_span whole = {alg.p - header, alg.n + header};
        if (alg.n < 65536 && algorithm(whole, &oid, &param) &&
            (!known(oid, known_keys, COUNT(known_keys)) ||
             (mg_wolf_input_same(oid, known_keys[KEY_EC].oid, known_keys[KEY_EC].len) &&
              !known(param, known_curves, COUNT(known_curves))) ||
             (mg_wolf_input_same(oid, known_keys[KEY_DSA].oid, known_keys[KEY_DSA].len) &&
              param.n > 0))) /* DSA parameters are a SEQUENCE, never an OID */
            return true;
    }
    return mg_wolf_input_tbs_field(d->der, d->len, MG_TBS_SIGNATURE, &sig) &&
           algorithm(sig, &oid, &param) && !known(oid, known_signatures, COUNT(known_signatures));
}

/* tbsCertificate.signature differs from signatureAlgorithm (RFC 5280 4.1.1.2). */
static bool signature_algorithm_mismatch(const mg_x509_disagreement *d)
{
    mg_der_span inner, outer;
    return d->other.view->accepted && !d->self.view->accepted &&
           mg_wolf_input_tbs_field(d->der, d->len, MG_TBS_SIGNATURE, &inner) &&
           mg_wolf_input_outer_signature(d->der, d->len, &outer) &&
           !mg_wolf_input_same(inner, outer.p, outer.n);
}

/* The key's or the signature's BIT STRING has a non-zero unused-bits octet (both are whole
 * octets). */
static bool bits_not_whole(const mg_x509_disagreement *d)
{
    mg_der_span spki, content, alg, key, sig;
    uint8_t tag;
    if (!refused_against_accepted(d, ASN_EXPECT_0_E)) return false;
    if (mg_wolf_input_signature_bits(d->der, d->len, &sig) && sig.n > 0 && sig.p[0] != 0)
        return true;
    return mg_wolf_input_tbs_field(d->der, d->len, MG_TBS_SPKI, &spki) &&
           mg_wolf_input_take(&spki, &tag, &content) &&
           mg_wolf_input_take(&content, &tag, &alg) &&
           mg_wolf_input_take(&content, &tag, &key) && tag == 0x03 && key.n > 0 &&
           key.p[0] != 0;
}

/* An extension the view covers (SAN, EKU) is not one DER element: its SEQUENCE's length ends
 * before what it holds, and wolfCrypt read the names or purposes past that length, where
 * the other stack cannot decode it. */
static bool read_past_sequence(const mg_x509_disagreement *d, mg_ext_state self_state,
                               mg_ext_state other_state)
{
    return self_state == MG_EXT_READ && other_state == MG_EXT_UNREADABLE &&
           has_malformed_extension(d->der, d->len);
}

static bool san_read_past_sequence(const mg_x509_disagreement *d)
{
    return read_past_sequence(d, d->self.view->san_state, d->other.view->san_state);
}

static bool eku_read_past_sequence(const mg_x509_disagreement *d)
{
    return read_past_sequence(d, d->self.view->eku_state, d->other.view->eku_state);
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

/* A validity time the other stack keeps but cannot read as a time. */
static bool malformed_time(const mg_x509_disagreement *d)
{
    return (refused_against_accepted(d, ASN_PARSE_E) ||
            refused_against_accepted(d, ASN_DATE_SZ_E) ||
            refused_against_accepted(d, ASN_TIME_E)) &&
           !d->other.view->validity_read;
}

/* The other stack cannot decode the SAN; wolfCrypt reads it as no names at all. */
static bool san_unreadable_read_as_none(const mg_x509_disagreement *d)
{
    const mg_x509_view *s = d->self.view;
    return d->other.view->san_state == MG_EXT_UNREADABLE && s->san_state == MG_EXT_READ &&
           s->san.count == 0;
}

/* The instant wolfCrypt read is not the time written: an impossible date or time (month
 * 13-99, a day past its month's end, hour 24, second 60-99) that ExtractDate took digit by digit
 * without a range check and timegm() rolled over. */
static bool instant_off_its_time(const uint8_t *der, size_t len, bool not_after, int64_t at)
{
    int w[6];
    if (!mg_wolf_input_time(der, len, not_after, w)) return false;
    time_t t = (time_t)at;
    struct tm tm;
    if (gmtime_r(&t, &tm) == NULL) return false;
    return tm.tm_year + 1900 != w[0] || tm.tm_mon + 1 != w[1] || tm.tm_mday != w[2] ||
           tm.tm_hour != w[3] || tm.tm_min != w[4] || tm.tm_sec != w[5];
}

static bool impossible_time_rolled_over(const mg_x509_disagreement *d)
{
    const mg_x509_view *s = d->self.view;
    return s->accepted && s->validity_read &&
           (instant_off_its_time(d->der, d->len, false, s->not_before) ||
            instant_off_its_time(d->der, d->len, true, s->not_after));
}

/* pathLenConstraint is kept in a byte: a negative one, 02 01 B1 (-79), reads as 177. */
static bool negative_pathlen(const mg_x509_disagreement *d)
{
    const mg_x509_view *s = d->self.view, *o = d->other.view;
    return s->bc_state == MG_EXT_READ && o->bc_state == MG_EXT_READ && s->ca == o->ca &&
           o->pathlen < 0 && o->pathlen >= -128 && s->pathlen == (o->pathlen & 0xff);
}

/* The other stack parsed the certificate but could not decode one of the extensions the view
 * covers; wolfCrypt decodes every extension it knows when it parses, and refuses the whole
 * certificate instead. */
static bool undecodable_extension(const mg_x509_disagreement *d)
{
    const mg_x509_view *o = d->other.view;
    return o->accepted && !d->self.view->accepted &&
           (o->eku_state == MG_EXT_UNREADABLE || o->san_state == MG_EXT_UNREADABLE ||
            o->bc_state == MG_EXT_UNREADABLE || o->ku_state == MG_EXT_UNREADABLE);
}

static unsigned oid_sum(const uint8_t *p, size_t n)
{
    unsigned sum = 0;
    for (size_t i = 0; i < n; i++) sum += p[i];
    return sum;
}

/* An extension OID wolfCrypt does not know whose octets add up to a known extension's:
 * wolfCrypt identifies extensions by that sum (GetObjectId), then finds the octets differ. */
static bool extension_oid_sum_collision(const mg_x509_disagreement *d)
{
    if (!refused_against_accepted(d, ASN_UNKNOWN_OID_E)) return false;
    mg_der_span oid, value;
    for (int i = 0; mg_wolf_input_extension_at(d->der, d->len, i, &oid, &value); i++)
        for (size_t k = 0; k < COUNT(view_extensions); k++)
            if (!mg_wolf_input_same(oid, view_extensions[k].id.oid, view_extensions[k].id.len) &&
                oid_sum(oid.p, oid.n) ==
                    oid_sum(view_extensions[k].id.oid, view_extensions[k].id.len))
                return true;
    return false;
}

/* A validity time not in RFC 5280 4.1.2.5's form: UTCTime YYMMDDHHMMSSZ, GeneralizedTime
 * YYYYMMDDHHMMSSZ. */
static bool time_form_wrong(const uint8_t *der, size_t len, bool not_after)
{
    uint8_t tag;
    mg_der_span text;
    if (!mg_wolf_input_time_string(der, len, not_after, &tag, &text)) return false;
    size_t want = tag == 0x17 ? 13 : tag == 0x18 ? 15 : 0;
    return want == 0 || text.n != want || text.p[text.n - 1] != 'Z';
}

static bool time_form_unchecked(const mg_x509_disagreement *d)
{
    const mg_x509_view *s = d->self.view;
    return s->accepted && s->validity_read &&
           (time_form_wrong(d->der, d->len, false) || time_form_wrong(d->der, d->len, true));
}

/* The other stack refuses the whole EKU for an invalid OID in it; wolfCrypt skips that OID
 * and keeps the purposes of the others. */
static bool eku_skips_invalid_oid(const mg_x509_disagreement *d)
{
    const mg_x509_view *s = d->self.view;
    return d->other.view->eku_state == MG_EXT_UNREADABLE && s->eku_state == MG_EXT_READ &&
           s->eku.count > 0 && d->other.facts->extension_bad_oid(d->der, d->len, "eku");
}

/* A subjectAltName entry whose tag is no GeneralName ([0]..[8], context-specific). */
static bool san_has_unknown_name(const uint8_t *der, size_t len)
{
    const oid_bytes san = view_extensions[1].id; /* subjectAltName */
    mg_der_span oid, value, names, name;
    uint8_t tag;
    for (int i = 0; mg_wolf_input_extension_at(der, len, i, &oid, &value); i++) {
        if (!mg_wolf_input_same(oid, san.oid, san.len)) continue;
        if (!mg_wolf_input_take(&value, &tag, &names) || tag != 0x30) return false;
        while (mg_wolf_input_take(&names, &tag, &name))
            if ((tag & 0xc0) != 0x80 || (tag & 0x1f) > 8) return true;
    }
    return false;
}

static bool san_skips_unknown_name(const mg_x509_disagreement *d)
{
    return d->self.view->san_state == MG_EXT_READ &&
           d->other.view->san_state == MG_EXT_UNREADABLE && san_has_unknown_name(d->der, d->len);
}

/* The subjectAltName names agree once otherName entries, and email names without an '@', are
 * left out: for otherNames the other stack's
 * ("other:OID:DER") and wolfCrypt's own form of them ("wolfssl-type0:", the value without its
 * header), which it keeps for a UPN and not at all for a SmtpUTF8Mailbox. */
static bool is_othername(const char *item)
{
    return strncmp(item, "other:", 6) == 0 || strncmp(item, "wolfssl-type0:", 14) == 0;
}

/* An rfc822Name without an '@' (a host name in the wrong SAN type, Envoy issue 18259's shape),
 * which wolfCrypt drops as it decodes. */
static bool is_email_without_at(const char *item)
{
    if (strncmp(item, "email:", 6) != 0) return false;
    for (const char *hex = item + 6; hex[0] && hex[1]; hex += 2)
        if (hex[0] == '4' && hex[1] == '0') return false;
    return true;
}

static bool is_dropped_name(const char *item)
{
    return is_othername(item) || is_email_without_at(item);
}

static bool san_without_othernames(const mg_x509_disagreement *d)
{
    const mg_x509_view *s = d->self.view, *o = d->other.view;
    if (s->san_state != MG_EXT_READ || o->san_state != MG_EXT_READ) return false;
    size_t others = 0, i = 0, k = 0;
    for (;;) {
        while (i < o->san.count && is_dropped_name(o->san.items[i])) i++, others++;
        while (k < s->san.count && is_othername(s->san.items[k])) k++;
        if (i == o->san.count || k == s->san.count) break;
        if (strcmp(o->san.items[i++], s->san.items[k++]) != 0) return false;
    }
    return others > 0 && i == o->san.count && k == s->san.count;
}

/* The [0] version wrapper holds something else than one INTEGER 0, 1 or 2 (v1..v3, RFC 5280
 * 4.1.2.1; wolfCrypt refuses any other since its fix for wolfSSL issue 3041). */
static bool malformed_version(const mg_x509_disagreement *d)
{
    mg_der_span content;
    return d->other.view->accepted && !d->self.view->accepted &&
           mg_wolf_input_version(d->der, d->len, &content) &&
           (!mg_wolf_input_one_tlv(content, 0x02) || content.n != 3 || content.p[2] > 2);
}

/* The serialNumber INTEGER is not in its minimal form (X.690 8.3.2: the first nine bits are
 * not all 0 or all 1). */
static bool serial_not_minimal(const mg_x509_disagreement *d)
{
    mg_der_span serial, value;
    uint8_t tag;
    if (d->self.view->accepted || !d->other.view->accepted ||
        !mg_wolf_input_tbs_field(d->der, d->len, 0, &serial) ||
        !mg_wolf_input_take(&serial, &tag, &value) || tag != 0x02 || value.n < 2)
        return false;
    return (value.p[0] == 0x00 && value.p[1] < 0x80) || (value.p[0] == 0xff && value.p[1] >= 0x80);
}

/* The subjectPublicKeyInfo alone, as wolfCrypt's key decoder reads it: an EC key whose point
 * does not decode or is not on its curve, or an RSA key that does not decode. */
static bool key_unusable(const uint8_t *der, size_t len)
{
    mg_der_span spki;
    if (!mg_wolf_input_tbs_field(der, len, MG_TBS_SPKI, &spki) || spki.n > UINT32_MAX)
        return false;
    word32 idx = 0;
    ecc_key ecc;
    if (wc_ecc_init(&ecc) == 0) {
        int ret = wc_EccPublicKeyDecode(spki.p, &idx, &ecc, (word32)spki.n);
        bool bad_point = ret == 0 && wc_ecc_check_key(&ecc) != 0;
        wc_ecc_free(&ecc);
        if (ret == 0) return bad_point;
    }
    RsaKey rsa;
    idx = 0;
    if (wc_InitRsaKey(&rsa, NULL) != 0) return false;
    int ret = wc_RsaPublicKeyDecode(spki.p, &idx, &rsa, (word32)spki.n);
    wc_FreeRsaKey(&rsa);
    return ret != 0; /* neither an EC key nor an RSA key wolfCrypt can read */
}

static bool undecodable_key(const mg_x509_disagreement *d)
{
    return (refused_against_accepted(d, ASN_PARSE_E) ||
            refused_against_accepted(d, ASN_ECC_KEY_E) ||
            refused_against_accepted(d, ECC_BAD_ARG_E)) &&
           key_unusable(d->der, d->len);
}

#define IMPOSSIBLE_TIME                                                                          \
    "FINDING: a validity time that is no calendar time (UTCTime 270231000000Z, 31 February "       \
    "2027; 502404000000Z, month 24 of 1950; 251202000080Z, second 80): wolfCrypt 5.5.4's "        \
    "ExtractDate takes the digits without a range check and its date comparison uses them as "    \
    "they are; OpenSSL refuses the time, GnuTLS refuses it or reads 0. As an instant it rolls "   \
    "over (3 March 2027; December 1951; 00:01:20)."

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
     "wolfCrypt refuses the certificate (ASN_PARSE_E, or an earlier error on the same input); "
     "OpenSSL and GnuTLS read no names. "
     "Refusing is the safe side."},
    {"wolfssl-refuses-malformed-extension", MG_DIVERGENCE_BENIGN, "accepted", NULL,
     malformed_extension,
     "An extension value that is not well-formed DER (a length past its end, bytes after it, at "
     "any depth), the value of an extension wolfCrypt decodes with the wrong type, or a "
     "keyUsage BIT STRING with set bits marked unused (X.690 11.2.1): wolfCrypt refuses the "
     "whole certificate (ASN_PARSE_E, ASN_BITSTR_E) where the other stack parses it and reads, "
     "drops or keeps opaque the extension. Refusing is the safe side."},
    {"wolfssl-refuses-unknown-algorithm", MG_DIVERGENCE_BENIGN, "accepted", NULL,
     unknown_algorithm,
     "A key algorithm, EC curve or signature algorithm wolfCrypt does not implement, or key "
     "parameters of another algorithm's form: it refuses "
     "the certificate when it parses it (ASN_UNKNOWN_OID_E, ECC_CURVE_OID_E, ASN_OBJECT_ID_E, "
     "or ASN_PARSE_E for some key OIDs: wolfCrypt identifies OIDs by the sum of their octets, "
     "then compares the octets with the known OID of that sum); "
     "the others parse it and cannot use its key or check its signature. Nobody accepts it."},
    {"wolfssl-refuses-signature-algorithm-mismatch", MG_DIVERGENCE_BENIGN, "accepted", NULL,
     signature_algorithm_mismatch,
     "tbsCertificate.signature differs from signatureAlgorithm (RFC 5280 4.1.1.2): wolfCrypt "
     "refuses at parse (ASN_SIG_OID_E, or an earlier error on the same input); OpenSSL's "
     "verifier refuses it (signature algorithm mismatch)."},
    {"wolfssl-refuses-bits-not-whole", MG_DIVERGENCE_BENIGN, "accepted", NULL, bits_not_whole,
     "The subjectPublicKey or signature BIT STRING says some bits of its last octet are unused: "
     "no key or signature encoding has that; wolfCrypt refuses at parse (ASN_EXPECT_0_E), the "
     "other stack reads the octets and fails when it uses them."},
    {"wolfssl-refuses-malformed-time", MG_DIVERGENCE_BENIGN, "accepted", NULL, malformed_time,
     "A validity time that is not in the form of RFC 5280 4.1.2.5 (a non-digit, a wrong length): "
     "wolfCrypt refuses the certificate when it parses (ASN_PARSE_E, ASN_DATE_SZ_E, ASN_TIME_E); "
     "the other stack keeps the string, cannot read it as a time, and its verifier refuses the "
     "certificate."},
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
    {"wolfssl-san-unreadable-read-as-none", MG_DIVERGENCE_BENIGN, "san", NULL,
     san_unreadable_read_as_none,
     "A subjectAltName the other stack cannot decode: wolfCrypt keeps no name from it, so a "
     "host check against it fails, as the other stack's does."},
    {"wolfssl-san-drops-othernames", MG_DIVERGENCE_BENIGN, "san", NULL, san_without_othernames,
     "otherName entries (the advisory seeds of issue #20): wolfCrypt keeps a UPN as an altName "
     "of type 0 holding the string alone (which its host check then compares, as the matrix's "
     "wolfssl-client-host-matches-any-san-type records) and drops a SmtpUTF8Mailbox (RFC 9598), "
     "as it drops an rfc822Name without an '@'; the other names agree."},
    {"wolfssl-reads-past-sequence-length", MG_DIVERGENCE_FINDING, "eku", NULL,
     eku_read_past_sequence,
     "FINDING: an extKeyUsage or subjectAltName whose SEQUENCE length ends before the element "
     "inside it (30 02 06 08 2B06010505070302: a 10-byte OID in a 2-byte SEQUENCE): wolfCrypt "
     "5.5.4 reads the element past the SEQUENCE's end, up to the end of the extension, and so "
     "finds clientAuth, or a dNSName, that OpenSSL and GnuTLS cannot decode at all."},
    {"wolfssl-reads-past-sequence-length", MG_DIVERGENCE_FINDING, "san", NULL,
     san_read_past_sequence, "as above"},
    {"wolfssl-impossible-time-rolled-over", MG_DIVERGENCE_FINDING, "validity", NULL,
     impossible_time_rolled_over, IMPOSSIBLE_TIME},
    {"wolfssl-impossible-time-rolled-over", MG_DIVERGENCE_FINDING, "accepted", NULL,
     impossible_time_rolled_over, "as above: the other stack refuses the whole certificate"},
    {"wolfssl-negative-pathlen", MG_DIVERGENCE_FINDING, "basic-constraints", NULL,
     negative_pathlen,
     "FINDING: a negative pathLenConstraint (RFC 5280: INTEGER (0..MAX)): wolfCrypt keeps it "
     "in a byte and reads 02 01 B1 (-79) as 177, a larger allowance, as GnuTLS does; OpenSSL "
     "reads it as negative and marks the certificate invalid."},
    {"wolfssl-refuses-undecodable-extension", MG_DIVERGENCE_BENIGN, "accepted", NULL,
     undecodable_extension,
     "An extension the other stack cannot decode either (its view marks it unreadable): "
     "wolfCrypt decodes every extension it knows when it parses, and refuses the whole "
     "certificate; the other stack parses the rest and leaves that one out."},
    {"wolfssl-refuses-malformed-version", MG_DIVERGENCE_BENIGN, "accepted", NULL,
     malformed_version,
     "The [0] EXPLICIT version holds more or other than one INTEGER 0..2 (v1..v3, RFC 5280 "
     "4.1.2.1): wolfCrypt refuses (ASN_EXPECT_0_E, ASN_PARSE_E; a negative version since its "
     "fix for wolfSSL issue 3041); the other stack took it."},
    {"wolfssl-refuses-non-minimal-serial", MG_DIVERGENCE_BENIGN, "accepted", NULL,
     serial_not_minimal,
     "A serialNumber INTEGER with redundant leading octets (00 before an octet below 80, "
     "X.690 8.3.2): not DER; wolfCrypt refuses the certificate, the other stack reads the "
     "number. Refusing is the safe side."},
    {"wolfssl-refuses-undecodable-key", MG_DIVERGENCE_BENIGN, "accepted", NULL, undecodable_key,
     "A subjectPublicKey wolfCrypt's own key decoder cannot use (an EC point that does not "
     "decode or is not on its curve, an RSA key that does not decode): wolfCrypt refuses the "
     "certificate when it parses it; the others keep the key's octets and fail when they use "
     "them. Nobody can verify with it."},
    {"wolfssl-refuses-extension-oid-sum-collision", MG_DIVERGENCE_FINDING, "accepted", NULL,
     extension_oid_sum_collision,
     "FINDING: an extension OID wolfCrypt does not know (non-critical, so RFC 5280 4.2 lets a "
     "relying party ignore it) whose octets add up to those of one it knows (53 1D 25 and "
     "authorityKeyIdentifier's 55 1D 23): wolfCrypt identifies OIDs by that sum, finds the "
     "octets differ and refuses the whole certificate (ASN_UNKNOWN_OID_E); the others ignore "
     "the extension."},
    {"wolfssl-time-form-unchecked", MG_DIVERGENCE_FINDING, "validity", NULL,
     time_form_unchecked,
     "FINDING: a validity time not in the form RFC 5280 4.1.2.5 requires (no trailing Z, so "
     "not UTC; another length): wolfCrypt 5.5.4 reads the digits and takes the time as UTC; "
     "OpenSSL cannot read it and GnuTLS refuses the certificate (GNUTLS_E_ASN1_TIME_ERROR)."},
    {"wolfssl-time-form-unchecked", MG_DIVERGENCE_FINDING, "accepted", NULL, time_form_unchecked,
     "as above: the other stack refuses the whole certificate"},
    {"wolfssl-eku-skips-invalid-oid", MG_DIVERGENCE_FINDING, "eku", NULL, eku_skips_invalid_oid,
     "FINDING: an extKeyUsage holding an OID that is not valid (its last subidentifier "
     "unterminated) beside valid ones: OpenSSL refuses the extension, so the certificate "
     "serves no purpose; wolfCrypt skips that OID and grants the others (clientAuth)."},
    {"wolfssl-san-skips-unknown-name", MG_DIVERGENCE_FINDING, "san", NULL,
     san_skips_unknown_name,
     "FINDING: a subjectAltName entry whose tag is no GeneralName ([10]; the CHOICE has "
     "[0]..[8]): OpenSSL refuses the extension; wolfCrypt skips the entry and keeps the "
     "names beside it, which its host check then matches."},
    {"wolfssl-refuses-keycertsign-without-ca", MG_DIVERGENCE_BENIGN, "accepted", NULL,
     keycertsign_without_ca,
     "keyUsage asserts keyCertSign where basicConstraints does not assert cA, which RFC 5280 "
     "4.2.1.9 forbids: wolfCrypt 5.7 refuses the certificate when it parses it (KEYUSAGE_E, "
     "ParseCertRelative); 5.5.4 and the others parse it (OpenSSL's verifier refuses such a "
     "leaf only under X509_V_FLAG_X509_STRICT)."},
    {NULL, MG_DIVERGENCE_BENIGN, NULL, NULL, NULL, NULL},
};
