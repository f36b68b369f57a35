/* OpenSSL's view of a certificate: the same getters its verifier and X509_check_* use. */
#include "x509_view_openssl.h"

#include <limits.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <string.h>
#include <time.h>

static void read_oid(mg_strlist *list, const char *prefix, const ASN1_OBJECT *oid)
{
    char text[1024];
    int n = OBJ_obj2txt(text, sizeof text, oid, 1);
    if (n < 0 || (size_t)n >= sizeof text) n = 0, text[0] = '\0'; /* "" marks unprintable */
    char entry[1100];
    snprintf(entry, sizeof entry, "%s%s", prefix, text);
    mg_strlist_add(list, entry);
}

static void read_eku(X509 *cert, mg_x509_view *view)
{
    int crit = -1;
    EXTENDED_KEY_USAGE *eku = X509_get_ext_d2i(cert, NID_ext_key_usage, &crit, NULL);
    view->eku_state = crit == -1 ? MG_EXT_ABSENT : eku ? MG_EXT_READ : MG_EXT_UNREADABLE;
    for (int i = 0; eku && i < sk_ASN1_OBJECT_num(eku); i++)
        read_oid(&view->eku, "", sk_ASN1_OBJECT_value(eku, i));
    sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
}

static void add_der(mg_strlist *list, const char *prefix, int len, unsigned char *der)
{
    mg_strlist_add_hex(list, prefix, der, len > 0 ? (size_t)len : 0);
    OPENSSL_free(der);
}

static void read_general_name(mg_strlist *list, const GENERAL_NAME *name)
{
    const ASN1_STRING *s;
    unsigned char *der = NULL;
    int len = 0;
    switch (name->type) {
    case GEN_DNS:
        s = name->d.dNSName;
        mg_strlist_add_hex(list, "dns", s->data, (size_t)s->length);
        break;
    case GEN_EMAIL:
        s = name->d.rfc822Name;
        mg_strlist_add_hex(list, "email", s->data, (size_t)s->length);
        break;
    case GEN_URI:
        s = name->d.uniformResourceIdentifier;
        mg_strlist_add_hex(list, "uri", s->data, (size_t)s->length);
        break;
    case GEN_IPADD:
        s = name->d.iPAddress;
        mg_strlist_add_hex(list, "ip", s->data, (size_t)s->length);
        break;
    /* The length is taken first: the order in which a call's arguments are evaluated is
     * unspecified, and `der` read before the i2d call that sets it is NULL. */
    case GEN_DIRNAME:
        len = i2d_X509_NAME(name->d.directoryName, &der);
        add_der(list, "dn", len, der);
        break;
    case GEN_RID: read_oid(list, "rid:", name->d.registeredID); break;
    case GEN_OTHERNAME: {
        char prefix[1100];
        mg_strlist tmp = {0};
        read_oid(&tmp, "other:", name->d.otherName->type_id);
        snprintf(prefix, sizeof prefix, "%s", tmp.items[0]);
        mg_strlist_free(&tmp);
        len = i2d_ASN1_TYPE(name->d.otherName->value, &der);
        add_der(list, prefix, len, der);
        break;
    }
    default:
        len = i2d_GENERAL_NAME((GENERAL_NAME *)name, &der);
        add_der(list, name->type == GEN_X400 ? "x400" : "edi", len, der);
    }
}

static void read_san(X509 *cert, mg_x509_view *view)
{
    int crit = -1;
    GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name, &crit, NULL);
    view->san_state = crit == -1 ? MG_EXT_ABSENT : names ? MG_EXT_READ : MG_EXT_UNREADABLE;
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names); i++)
        read_general_name(&view->san, sk_GENERAL_NAME_value(names, i));
    GENERAL_NAMES_free(names);
}

static void read_basic_constraints(X509 *cert, mg_x509_view *view)
{
    int crit = -1;
    BASIC_CONSTRAINTS *bc = X509_get_ext_d2i(cert, NID_basic_constraints, &crit, NULL);
    view->bc_state = crit == -1 ? MG_EXT_ABSENT : bc ? MG_EXT_READ : MG_EXT_UNREADABLE;
    view->pathlen = -1;
    if (bc == NULL) return;
    view->ca = bc->ca != 0;
    int64_t pathlen;
    if (bc->pathlen != NULL)
        view->pathlen = ASN1_INTEGER_get_int64(&pathlen, bc->pathlen) == 1 ? pathlen : LLONG_MIN;
    BASIC_CONSTRAINTS_free(bc);
}

static void read_key_usage(X509 *cert, mg_x509_view *view)
{
    int crit = -1;
    ASN1_BIT_STRING *ku = X509_get_ext_d2i(cert, NID_key_usage, &crit, NULL);
    view->ku_state = crit == -1 ? MG_EXT_ABSENT : ku ? MG_EXT_READ : MG_EXT_UNREADABLE;
    for (int bit = 0; ku && bit < 9; bit++)
        if (ASN1_BIT_STRING_get_bit(ku, bit)) view->ku_bits |= 1u << bit;
    ASN1_BIT_STRING_free(ku);
}

static bool read_instant(const ASN1_TIME *time, int64_t *out)
{
    struct tm tm;
    if (time == NULL || ASN1_TIME_to_tm(time, &tm) != 1) return false;
    *out = (int64_t)timegm(&tm);
    return true;
}

void mg_x509_view_from_openssl(X509 *cert, mg_x509_view *view)
{
    read_eku(cert, view);
    read_san(cert, view);
    read_basic_constraints(cert, view);
    read_key_usage(cert, view);
    view->validity_read = read_instant(X509_get0_notBefore(cert), &view->not_before) &&
                          read_instant(X509_get0_notAfter(cert), &view->not_after);
    mg_strlist_sort(&view->eku);
    mg_strlist_sort(&view->san);
    ERR_clear_error();
}

void mg_x509_view_openssl(const uint8_t *der, size_t len, mg_x509_view *view)
{
    *view = (mg_x509_view){0};
    const unsigned char *p = der;
    X509 *cert = len <= LONG_MAX ? d2i_X509(NULL, &p, (long)len) : NULL;
    view->accepted = cert != NULL && p == der + len; /* one certificate, nothing after it */
    view->native_error = cert == NULL ? (long)ERR_peek_last_error() : -1;
    ERR_clear_error();
    if (view->accepted) mg_x509_view_from_openssl(cert, view);
    X509_free(cert);
    ERR_clear_error();
}
