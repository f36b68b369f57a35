#include "gnutls_fuzz.h"
#include "pkcs12_read.h"

#include "fixture.h"

#include <gnutls/pkcs12.h>
#include <gnutls/x509.h>
#include <stdbool.h>

static bool iterations_within_bound(unsigned iter) { return iter <= MG_FUZZ_PKCS12_MAX_ITER; }

/* Reads one element; false when it was a shrouded key beyond the work bound. */
static bool read_element(gnutls_pkcs12_bag_t bag, unsigned i)
{
    gnutls_datum_t data;
    char *name = NULL;
    (void)gnutls_pkcs12_bag_get_friendly_name(bag, i, &name);
    (void)gnutls_pkcs12_bag_get_key_id(bag, i, &data);
    int type = gnutls_pkcs12_bag_get_type(bag, i);
    if (gnutls_pkcs12_bag_get_data(bag, i, &data) < 0) return true;
    gnutls_x509_crt_t crt;
    gnutls_x509_crl_t crl;
    gnutls_x509_privkey_t key;
    unsigned schema, cipher, salt_size = 0, iter = 0;
    switch (type) {
    case GNUTLS_BAG_CERTIFICATE:
        if (gnutls_x509_crt_init(&crt) < 0) break;
        (void)gnutls_x509_crt_import(crt, &data, GNUTLS_X509_FMT_DER);
        gnutls_x509_crt_deinit(crt);
        break;
    case GNUTLS_BAG_CRL:
        if (gnutls_x509_crl_init(&crl) < 0) break;
        (void)gnutls_x509_crl_import(crl, &data, GNUTLS_X509_FMT_DER);
        gnutls_x509_crl_deinit(crl);
        break;
    case GNUTLS_BAG_PKCS8_ENCRYPTED_KEY:
    case GNUTLS_BAG_PKCS8_KEY:
        if (type == GNUTLS_BAG_PKCS8_ENCRYPTED_KEY &&
            gnutls_pkcs8_info(&data, GNUTLS_X509_FMT_DER, &schema, &cipher, NULL, &salt_size,
                              &iter, NULL) >= 0 && !iterations_within_bound(iter))
            return false;
        if (gnutls_x509_privkey_init(&key) < 0) break;
        (void)gnutls_x509_privkey_import_pkcs8(
            key, &data, GNUTLS_X509_FMT_DER, mg_fixture_p12_password,
            type == GNUTLS_BAG_PKCS8_KEY ? GNUTLS_PKCS_PLAIN : 0);
        gnutls_x509_privkey_deinit(key);
        break;
    default: break;
    }
    return true;
}

/* Opens every bag; false when something was beyond the work bound. */
static bool read_bags(gnutls_pkcs12_t p12)
{
    bool within = true;
    for (int i = 0; i < 1024; i++) {
        gnutls_pkcs12_bag_t bag;
        if (gnutls_pkcs12_bag_init(&bag) < 0) break;
        int ret = gnutls_pkcs12_get_bag(p12, i, bag);
        if (ret >= 0 && gnutls_pkcs12_bag_get_type(bag, 0) == GNUTLS_BAG_ENCRYPTED) {
            unsigned schema, cipher, salt_size = 0, iter = 0;
            if (gnutls_pkcs12_bag_enc_info(bag, &schema, &cipher, NULL, &salt_size, &iter, NULL) >=
                    0 &&
                !iterations_within_bound(iter))
                within = false;
            else
                (void)gnutls_pkcs12_bag_decrypt(bag, mg_fixture_p12_password);
        }
        int count = ret >= 0 ? gnutls_pkcs12_bag_get_count(bag) : 0;
        for (int j = 0; j < count && gnutls_pkcs12_bag_get_type(bag, 0) != GNUTLS_BAG_ENCRYPTED;
             j++)
            within = read_element(bag, (unsigned)j) && within;
        gnutls_pkcs12_bag_deinit(bag);
        if (ret < 0) break;
    }
    return within;
}

static void simple_parse(gnutls_pkcs12_t p12)
{
    gnutls_x509_privkey_t key = NULL;
    gnutls_x509_crt_t *chain = NULL, *extra = NULL;
    unsigned chain_len = 0, extra_len = 0;
    gnutls_x509_crl_t crl = NULL;
    if (gnutls_pkcs12_simple_parse(p12, mg_fixture_p12_password, &key, &chain, &chain_len, &extra,
                                   &extra_len, &crl, 0) < 0)
        return;
    for (unsigned i = 0; i < chain_len; i++) gnutls_x509_crt_deinit(chain[i]);
    for (unsigned i = 0; i < extra_len; i++) gnutls_x509_crt_deinit(extra[i]);
    gnutls_free(chain);
    gnutls_free(extra);
    if (key != NULL) gnutls_x509_privkey_deinit(key);
    if (crl != NULL) gnutls_x509_crl_deinit(crl);
}

void mg_fuzz_gnutls_pkcs12(const uint8_t *data, size_t size)
{
    gnutls_pkcs12_t p12;
    if (size > UINT32_MAX || gnutls_pkcs12_init(&p12) < 0) return;
    gnutls_datum_t der = {(unsigned char *)data, (unsigned)size};
    if (gnutls_pkcs12_import(p12, &der, GNUTLS_X509_FMT_DER, 0) >= 0) {
        /* The OID is asked for (and freed): GnuTLS 3.7.9 leaks it when the MAC algorithm is
         * unknown and oid is NULL (README "Findings"; regressions/pkcs12_gnutls/). */
        unsigned mac, salt_size = 0, iter = 0;
        char *mac_oid = NULL;
        int has_mac = gnutls_pkcs12_mac_info(p12, &mac, NULL, &salt_size, &iter, &mac_oid) >= 0;
        gnutls_free(mac_oid);
        bool within = !has_mac || iterations_within_bound(iter);
        if (has_mac && within) (void)gnutls_pkcs12_verify_mac(p12, mg_fixture_p12_password);
        within = read_bags(p12) && within;
        if (within) simple_parse(p12);
    }
    gnutls_pkcs12_deinit(p12);
}
