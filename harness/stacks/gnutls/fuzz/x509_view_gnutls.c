/* GnuTLS's view of a certificate: the getters its verifier and hostname check use. */
#include "x509_view_gnutls.h"

#include <gnutls/x509-ext.h>
#include <gnutls/x509.h>
#include <stdlib.h>
#include <string.h>

static mg_ext_state presence(gnutls_x509_crt_t crt, const char *oid)
{
    gnutls_datum_t data = {NULL, 0};
    unsigned critical = 0;
    int ret = gnutls_x509_crt_get_extension_by_oid2(crt, oid, 0, &data, &critical);
    gnutls_free(data.data);
    return ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE ? MG_EXT_ABSENT : MG_EXT_READ;
}

static void read_eku(gnutls_x509_crt_t crt, mg_x509_view *view)
{
    view->eku_state = presence(crt, GNUTLS_X509EXT_OID_EXTENDED_KEY_USAGE);
    for (unsigned i = 0; view->eku_state == MG_EXT_READ; i++) {
        size_t size = 0;
        int ret = gnutls_x509_crt_get_key_purpose_oid(crt, i, NULL, &size, NULL);
        if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE) break;
        char *oid = ret == GNUTLS_E_SHORT_MEMORY_BUFFER ? malloc(size + 1) : NULL;
        if (oid != NULL) ret = gnutls_x509_crt_get_key_purpose_oid(crt, i, oid, &size, NULL);
        if (oid == NULL || ret < 0) view->eku_state = MG_EXT_UNREADABLE;
        else mg_strlist_add(&view->eku, oid);
        free(oid);
    }
}

static void add_san(mg_strlist *list, unsigned type, const gnutls_datum_t *san,
                    const gnutls_datum_t *oid)
{
    char prefix[1100];
    switch (type) {
    case GNUTLS_SAN_DNSNAME: mg_strlist_add_hex(list, "dns", san->data, san->size); break;
    case GNUTLS_SAN_RFC822NAME: mg_strlist_add_hex(list, "email", san->data, san->size); break;
    case GNUTLS_SAN_URI: mg_strlist_add_hex(list, "uri", san->data, san->size); break;
    case GNUTLS_SAN_IPADDRESS: mg_strlist_add_hex(list, "ip", san->data, san->size); break;
    case GNUTLS_SAN_DN: mg_strlist_add_hex(list, "dn", san->data, san->size); break;
    case GNUTLS_SAN_REGISTERED_ID:
        snprintf(prefix, sizeof prefix, "rid:%.*s", (int)san->size, (const char *)san->data);
        mg_strlist_add(list, prefix);
        break;
    case GNUTLS_SAN_OTHERNAME:
        snprintf(prefix, sizeof prefix, "other:%.*s", (int)oid->size, (const char *)oid->data);
        mg_strlist_add_hex(list, prefix, san->data, san->size);
        break;
    default:
        snprintf(prefix, sizeof prefix, "type%u", type);
        mg_strlist_add_hex(list, prefix, san->data, san->size);
    }
}

static void read_san(gnutls_x509_crt_t crt, mg_x509_view *view)
{
    gnutls_datum_t ext = {NULL, 0};
    unsigned critical = 0;
    int ret =
        gnutls_x509_crt_get_extension_by_oid2(crt, GNUTLS_X509EXT_OID_SAN, 0, &ext, &critical);
    view->san_state =
        ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE ? MG_EXT_ABSENT : MG_EXT_UNREADABLE;
    gnutls_subject_alt_names_t sans = NULL;
    if (ret >= 0 && gnutls_subject_alt_names_init(&sans) >= 0 &&
        gnutls_x509_ext_import_subject_alt_names(&ext, sans, 0) >= 0) {
        view->san_state = MG_EXT_READ;
        unsigned type;
        gnutls_datum_t san, oid;
        for (unsigned i = 0; gnutls_subject_alt_names_get(sans, i, &type, &san, &oid) >= 0; i++)
            add_san(&view->san, type, &san, &oid);
    }
    if (sans != NULL) gnutls_subject_alt_names_deinit(sans);
    gnutls_free(ext.data);
}

static void read_basic_constraints(gnutls_x509_crt_t crt, mg_x509_view *view)
{
    unsigned critical = 0, ca = 0;
    int pathlen = -1;
    int ret = gnutls_x509_crt_get_basic_constraints(crt, &critical, &ca, &pathlen);
    view->bc_state = ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE ? MG_EXT_ABSENT
                     : ret < 0                                    ? MG_EXT_UNREADABLE
                                                                  : MG_EXT_READ;
    view->ca = ret >= 0 && ca != 0;
    view->pathlen = ret >= 0 ? pathlen : -1;
}

static void read_key_usage(gnutls_x509_crt_t crt, mg_x509_view *view)
{
    /* GNUTLS_KEY_* flags in RFC 5280 bit order, bit 0 first. */
    static const unsigned flags[9] = {
        GNUTLS_KEY_DIGITAL_SIGNATURE, GNUTLS_KEY_NON_REPUDIATION, GNUTLS_KEY_KEY_ENCIPHERMENT,
        GNUTLS_KEY_DATA_ENCIPHERMENT, GNUTLS_KEY_KEY_AGREEMENT,   GNUTLS_KEY_KEY_CERT_SIGN,
        GNUTLS_KEY_CRL_SIGN,          GNUTLS_KEY_ENCIPHER_ONLY,   GNUTLS_KEY_DECIPHER_ONLY};
    unsigned usage = 0, critical = 0;
    int ret = gnutls_x509_crt_get_key_usage(crt, &usage, &critical);
    view->ku_state = ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE ? MG_EXT_ABSENT
                     : ret < 0                                    ? MG_EXT_UNREADABLE
                                                                  : MG_EXT_READ;
    for (int bit = 0; ret >= 0 && bit < 9; bit++)
        if (usage & flags[bit]) view->ku_bits |= 1u << bit;
}

void mg_x509_view_from_gnutls(gnutls_x509_crt_t crt, mg_x509_view *view)
{
    read_eku(crt, view);
    read_san(crt, view);
    read_basic_constraints(crt, view);
    read_key_usage(crt, view);
    time_t nb = gnutls_x509_crt_get_activation_time(crt);
    time_t na = gnutls_x509_crt_get_expiration_time(crt);
    view->validity_read = nb != (time_t)-1 && na != (time_t)-1;
    view->not_before = nb;
    view->not_after = na;
    mg_strlist_sort(&view->eku);
    mg_strlist_sort(&view->san);
}

void mg_x509_view_gnutls(const uint8_t *der, size_t len, mg_x509_view *view)
{
    *view = (mg_x509_view){0};
    gnutls_x509_crt_t crt;
    if (gnutls_x509_crt_init(&crt) < 0) abort();
    gnutls_datum_t data = {(unsigned char *)der, (unsigned)len};
    int ret = len <= UINT32_MAX ? gnutls_x509_crt_import(crt, &data, GNUTLS_X509_FMT_DER) : -1;
    view->accepted = ret >= 0;
    view->native_error = ret;
    if (view->accepted) mg_x509_view_from_gnutls(crt, view);
    gnutls_x509_crt_deinit(crt);
}
