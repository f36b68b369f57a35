#include "pkcs12_work_gnutls.h"

#include "pkcs12_read.h"

#include <gnutls/pkcs12.h>
#include <gnutls/x509.h>
#include <string.h>

static bool within(unsigned iter) { return iter <= MG_FUZZ_PKCS12_MAX_ITER; }

static bool keys_within_bound(gnutls_pkcs12_bag_t bag)
{
    int count = gnutls_pkcs12_bag_get_count(bag);
    for (int i = 0; i < count; i++) {
        gnutls_datum_t data;
        unsigned schema, cipher, salt_size = 0, iter = 0;
        if (gnutls_pkcs12_bag_get_type(bag, (unsigned)i) == GNUTLS_BAG_PKCS8_ENCRYPTED_KEY &&
            gnutls_pkcs12_bag_get_data(bag, (unsigned)i, &data) >= 0 &&
            gnutls_pkcs8_info(&data, GNUTLS_X509_FMT_DER, &schema, &cipher, NULL, &salt_size,
                              &iter, NULL) >= 0 &&
            !within(iter))
            return false;
    }
    return true;
}

static bool bags_within_bound(gnutls_pkcs12_t p12, const char *password)
{
    bool ok = true;
    for (int i = 0; ok && i < 1024; i++) {
        gnutls_pkcs12_bag_t bag;
        if (gnutls_pkcs12_bag_init(&bag) < 0) break;
        int ret = gnutls_pkcs12_get_bag(p12, i, bag);
        if (ret >= 0 && gnutls_pkcs12_bag_get_type(bag, 0) == GNUTLS_BAG_ENCRYPTED) {
            unsigned schema, cipher, salt_size = 0, iter = 0;
            if (gnutls_pkcs12_bag_enc_info(bag, &schema, &cipher, NULL, &salt_size, &iter,
                                           NULL) >= 0 && !within(iter))
                ok = false;
            else
                (void)gnutls_pkcs12_bag_decrypt(bag, password);
        }
        if (ret >= 0 && ok) ok = keys_within_bound(bag);
        gnutls_pkcs12_bag_deinit(bag);
        if (ret < 0) break;
    }
    return ok;
}

bool mg_pkcs12_gnutls_within_bound(const uint8_t *data, size_t size, const char *password)
{
    gnutls_pkcs12_t p12;
    if (size > UINT32_MAX || gnutls_pkcs12_init(&p12) < 0) return true;
    static const char marker[] = "-----BEGIN";
    bool pem = false;
    for (size_t i = 0; !pem && i + sizeof marker - 1 <= size; i++)
        pem = memcmp(data + i, marker, sizeof marker - 1) == 0;
    gnutls_datum_t bytes = {(unsigned char *)data, (unsigned)size};
    bool ok = true;
    if (gnutls_pkcs12_import(p12, &bytes, pem ? GNUTLS_X509_FMT_PEM : GNUTLS_X509_FMT_DER, 0) >=
        0) {
        unsigned mac, salt_size = 0, iter = 0;
        char *mac_oid = NULL; /* asked for: GnuTLS 3.7.9 leaks it otherwise (README) */
        if (gnutls_pkcs12_mac_info(p12, &mac, NULL, &salt_size, &iter, &mac_oid) >= 0)
            ok = within(iter);
        gnutls_free(mac_oid);
        ok = ok && bags_within_bound(p12, password);
    }
    gnutls_pkcs12_deinit(p12);
    return ok;
}
