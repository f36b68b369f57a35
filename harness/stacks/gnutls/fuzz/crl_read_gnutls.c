#include "gnutls_fuzz.h"
#include "revocation_read.h"

#include "fixture_gnutls.h"

static void read_fields(gnutls_x509_crl_t crl)
{
    gnutls_datum_t out = {NULL, 0};
    if (gnutls_x509_crl_get_issuer_dn3(crl, &out, 0) >= 0) gnutls_free(out.data);
    (void)gnutls_x509_crl_get_this_update(crl);
    (void)gnutls_x509_crl_get_next_update(crl);
    (void)gnutls_x509_crl_get_version(crl);
    (void)gnutls_x509_crl_get_signature_algorithm(crl);
    unsigned char buf[512];
    size_t size = sizeof buf;
    (void)gnutls_x509_crl_get_number(crl, buf, &size, NULL);
    size = sizeof buf;
    (void)gnutls_x509_crl_get_authority_key_id(crl, buf, &size, NULL);
    for (unsigned i = 0;; i++) {
        char oid[256];
        size_t oid_size = sizeof oid;
        unsigned critical;
        if (gnutls_x509_crl_get_extension_info(crl, i, oid, &oid_size, &critical) < 0) break;
    }
    gnutls_x509_crl_iter_t iter = NULL;
    for (int i = 0; i < 100000; i++) { /* bounded: a CRL cannot hold more than its bytes */
        unsigned char serial[128];
        size_t serial_size = sizeof serial;
        time_t when;
        if (gnutls_x509_crl_iter_crt_serial(crl, &iter, serial, &serial_size, &when) < 0) break;
    }
    gnutls_x509_crl_iter_deinit(iter);
    out.data = NULL;
    if (gnutls_x509_crl_print(crl, GNUTLS_CRT_PRINT_FULL, &out) >= 0) gnutls_free(out.data);
}

static void check_against_fixture(gnutls_x509_crl_t crl)
{
    unsigned count;
    gnutls_x509_crt_t *cas = mg_fixture_gnutls_cas(&count);
    unsigned status = 0;
    (void)gnutls_x509_crl_verify(crl, cas, count, 0, &status);
    for (unsigned i = 0; i < count; i++) {
        (void)gnutls_x509_crl_check_issuer(crl, cas[i]);
        (void)gnutls_x509_crt_check_revocation(cas[i], &crl, 1);
    }
}

void mg_fuzz_gnutls_crl(const uint8_t *data, size_t size)
{
    mg_fixture_gnutls_init();
    gnutls_x509_crl_t crl;
    if (size > UINT32_MAX || gnutls_x509_crl_init(&crl) < 0) return;
    gnutls_datum_t der = {(unsigned char *)data, (unsigned)size};
    if (gnutls_x509_crl_import(crl, &der, GNUTLS_X509_FMT_DER) >= 0) {
        read_fields(crl);
        check_against_fixture(crl);
    }
    gnutls_x509_crl_deinit(crl);
}
