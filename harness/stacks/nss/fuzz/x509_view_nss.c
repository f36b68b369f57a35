/* NSS's view of a certificate: CERT_DecodeDERCertificate (what a handshake's certificate
 * message becomes, without entering the store) and the extension readers its verifier and
 * CERT_VerifyCertName use: CERT_FindCertExtension with CERT_DecodeOidSequence (EKU) and
 * CERT_DecodeAltNameExtension (SAN), CERT_DecodeBasicConstraintValue, CERT_FindKeyUsageExtension,
 * CERT_GetCertTimes. */
#include "x509_view_nss.h"

#include "fixture_nss.h"

#include <cert.h>
#include <prprf.h>
#include <secerr.h>

#include <limits.h>
#include <string.h>

/* What a failed lookup of an extension means: not there, or there and unreadable. */
static mg_ext_state failed_state(void)
{
    return PORT_GetError() == SEC_ERROR_EXTENSION_NOT_FOUND ? MG_EXT_ABSENT : MG_EXT_UNREADABLE;
}

/* "prefix" then the dotted OID ("" when NSS cannot print it, as the others mark it). */
static void add_oid(mg_strlist *list, const char *prefix, const SECItem *oid)
{
    char *text = CERT_GetOidString(oid);
    const char *dotted = text == NULL ? "" : strncmp(text, "OID.", 4) == 0 ? text + 4 : text;
    char entry[1100];
    snprintf(entry, sizeof entry, "%s%s", prefix, dotted);
    mg_strlist_add(list, entry);
    if (text != NULL) PR_smprintf_free(text);
}

static void read_eku(CERTCertificate *cert, mg_x509_view *view)
{
    SECItem value = {siBuffer, NULL, 0};
    if (CERT_FindCertExtension(cert, SEC_OID_X509_EXT_KEY_USAGE, &value) != SECSuccess) {
        view->eku_state = failed_state();
        return;
    }
    CERTOidSequence *oids = CERT_DecodeOidSequence(&value);
    view->eku_state = oids != NULL ? MG_EXT_READ : MG_EXT_UNREADABLE;
    for (SECItem **oid = oids ? oids->oids : NULL; oid != NULL && *oid != NULL; oid++)
        add_oid(&view->eku, "", *oid);
    if (oids != NULL) CERT_DestroyOidSequence(oids);
    SECITEM_FreeItem(&value, PR_FALSE);
}

/* An otherName's value as NSS keeps it: the [0] EXPLICIT element (0xa0) around it, or already
 * what it wraps; the view wants the wrapped element whole (as OpenSSL's i2d_ASN1_TYPE gives
 * it), so only a [0] header is taken off. */
static void add_other_name(mg_strlist *list, const CERTGeneralName *name)
{
    mg_strlist tmp = {0};
    add_oid(&tmp, "other:", &name->name.OthName.oid);
    const SECItem *v = &name->name.OthName.name;
    size_t skip = 0, long_form = v->len >= 2 ? v->data[1] & 0x7fu : 0;
    bool explicit_tag = v->len >= 2 && v->data[0] == 0xa0;
    if (explicit_tag && (v->data[1] & 0x80) == 0) skip = 2;
    else if (explicit_tag && long_form + 2 <= v->len) skip = 2 + long_form;
    mg_strlist_add_hex(list, tmp.items[0], v->data + skip, v->len - skip);
    mg_strlist_free(&tmp);
}

static void read_general_name(mg_strlist *list, const CERTGeneralName *name)
{
    const SECItem *v = &name->name.other;
    switch (name->type) {
    case certDNSName: mg_strlist_add_hex(list, "dns", v->data, v->len); break;
    case certRFC822Name: mg_strlist_add_hex(list, "email", v->data, v->len); break;
    case certURI: mg_strlist_add_hex(list, "uri", v->data, v->len); break;
    case certIPAddress: mg_strlist_add_hex(list, "ip", v->data, v->len); break;
    case certDirectoryName:
        mg_strlist_add_hex(list, "dn", name->derDirectoryName.data, name->derDirectoryName.len);
        break;
    case certRegisterID: add_oid(list, "rid:", v); break;
    case certOtherName: add_other_name(list, name); break;
    default: mg_strlist_add_hex(list, name->type == certX400Address ? "x400" : "edi", v->data,
                                v->len);
    }
}

static void read_san(CERTCertificate *cert, mg_x509_view *view)
{
    SECItem value = {siBuffer, NULL, 0};
    if (CERT_FindCertExtension(cert, SEC_OID_X509_SUBJECT_ALT_NAME, &value) != SECSuccess) {
        view->san_state = failed_state();
        return;
    }
    PLArenaPool *arena = PORT_NewArena(DER_DEFAULT_CHUNKSIZE);
    CERTGeneralName *names = arena ? CERT_DecodeAltNameExtension(arena, &value) : NULL;
    view->san_state = names != NULL ? MG_EXT_READ : MG_EXT_UNREADABLE;
    /* A circular list. */
    for (CERTGeneralName *n = names; n != NULL;) {
        read_general_name(&view->san, n);
        n = CERT_GetNextGeneralName(n);
        if (n == names) break;
    }
    if (arena != NULL) PORT_FreeArena(arena, PR_FALSE);
    SECITEM_FreeItem(&value, PR_FALSE);
}

static void read_basic_constraints(CERTCertificate *cert, mg_x509_view *view)
{
    CERTBasicConstraints bc = {PR_FALSE, 0};
    SECItem value = {siBuffer, NULL, 0};
    if (CERT_FindCertExtension(cert, SEC_OID_X509_BASIC_CONSTRAINTS, &value) != SECSuccess) {
        view->bc_state = failed_state();
        return;
    }
    SECStatus rv = CERT_DecodeBasicConstraintValue(&bc, &value);
    SECITEM_FreeItem(&value, PR_FALSE);
    view->bc_state = rv == SECSuccess ? MG_EXT_READ : MG_EXT_UNREADABLE;
    if (rv != SECSuccess) return;
    view->ca = bc.isCA;
    /* NSS leaves the field alone for a non-CA and says CERT_UNLIMITED_PATH_CONSTRAINT for a
     * CA without one. */
    view->pathlen = bc.isCA && bc.pathLenConstraint >= 0 ? bc.pathLenConstraint : -1;
}

static void read_key_usage(CERTCertificate *cert, mg_x509_view *view)
{
    SECItem bits = {siBuffer, NULL, 0};
    if (CERT_FindKeyUsageExtension(cert, &bits) != SECSuccess) {
        view->ku_state = failed_state();
        return;
    }
    /* bits.len counts bits; the octets are copied as the BIT STRING holds them, bits marked
     * unused included (NSS's own key-usage checks read the first octet: certdb.c). */
    view->ku_state = MG_EXT_READ;
    size_t octets = (bits.len + 7u) / 8u;
    for (unsigned bit = 0; bit < 9 && bit / 8 < octets; bit++)
        if (bits.data[bit / 8] & (0x80u >> (bit % 8))) view->ku_bits |= 1u << bit;
    SECITEM_FreeItem(&bits, PR_FALSE);
}

/* PRTime microseconds to seconds, rounding down. */
static int64_t seconds(PRTime t)
{
    return t >= 0 ? t / PR_USEC_PER_SEC : -((-t + PR_USEC_PER_SEC - 1) / PR_USEC_PER_SEC);
}

void mg_x509_view_nss(const uint8_t *der, size_t len, mg_x509_view *view)
{
    *view = (mg_x509_view){0};
    view->pathlen = -1;
    if (len > UINT_MAX) return;
    mg_fixture_nss_init();
    PORT_SetError(0);
    CERTCertificate *cert = mg_fixture_nss_decode(der, len);
    view->native_error = cert == NULL ? PORT_GetError() : 0;
    view->accepted = cert != NULL;
    if (cert == NULL) return;
    read_eku(cert, view);
    read_san(cert, view);
    read_basic_constraints(cert, view);
    read_key_usage(cert, view);
    PRTime not_before, not_after;
    view->validity_read = CERT_GetCertTimes(cert, &not_before, &not_after) == SECSuccess;
    if (view->validity_read) {
        view->not_before = seconds(not_before);
        view->not_after = seconds(not_after);
    }
    mg_strlist_sort(&view->eku);
    mg_strlist_sort(&view->san);
    CERT_DestroyCertificate(cert);
}
