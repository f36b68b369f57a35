#include "openssl_fuzz.h"
#include "pkcs12_read.h"

#include "fixture.h"
#include "pkcs12_work_openssl.h"

#include <limits.h>
#include <openssl/err.h>

static void read_bag(const PKCS12_SAFEBAG *bag)
{
    char *name = PKCS12_get_friendlyname((PKCS12_SAFEBAG *)bag);
    OPENSSL_free(name);
    (void)PKCS12_SAFEBAG_get0_attr(bag, NID_localKeyID);
    switch (PKCS12_SAFEBAG_get_nid(bag)) {
    case NID_keyBag:
        EVP_PKEY_free(EVP_PKCS82PKEY(PKCS12_SAFEBAG_get0_p8inf(bag)));
        break;
    case NID_pkcs8ShroudedKeyBag: {
        PKCS8_PRIV_KEY_INFO *info =
            PKCS12_decrypt_skey(bag, mg_fixture_p12_password, -1);
        if (info != NULL) EVP_PKEY_free(EVP_PKCS82PKEY(info));
        PKCS8_PRIV_KEY_INFO_free(info);
        break;
    }
    case NID_certBag: X509_free(PKCS12_SAFEBAG_get1_cert(bag)); break;
    case NID_crlBag: X509_CRL_free(PKCS12_SAFEBAG_get1_crl(bag)); break;
    default: break;
    }
}

/* Opens every safe; only called within the work bound. */
static void read_safes(PKCS12 *p12)
{
    STACK_OF(PKCS7) *safes = PKCS12_unpack_authsafes(p12);
    for (int i = 0; i < sk_PKCS7_num(safes); i++) {
        PKCS7 *p7 = sk_PKCS7_value(safes, i);
        STACK_OF(PKCS12_SAFEBAG) *bags = NULL;
        int nid = OBJ_obj2nid(p7->type);
        if (nid == NID_pkcs7_data) bags = PKCS12_unpack_p7data(p7);
        if (nid == NID_pkcs7_encrypted)
            bags = PKCS12_unpack_p7encdata(p7, mg_fixture_p12_password, -1);
        for (int j = 0; j < sk_PKCS12_SAFEBAG_num(bags); j++)
            read_bag(sk_PKCS12_SAFEBAG_value(bags, j));
        sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
    }
    sk_PKCS7_pop_free(safes, PKCS7_free);
}

void mg_fuzz_openssl_pkcs12(const uint8_t *data, size_t size)
{
    const unsigned char *p = data;
    PKCS12 *p12 = size <= LONG_MAX ? d2i_PKCS12(NULL, &p, (long)size) : NULL;
    if (p12 != NULL && mg_pkcs12_within_bound(p12, mg_fixture_p12_password)) {
        if (PKCS12_mac_present(p12)) (void)PKCS12_verify_mac(p12, mg_fixture_p12_password, -1);
        read_safes(p12);
        EVP_PKEY *key = NULL;
        X509 *cert = NULL;
        STACK_OF(X509) *ca = NULL;
        if (PKCS12_parse(p12, mg_fixture_p12_password, &key, &cert, &ca) == 1) {
            EVP_PKEY_free(key);
            X509_free(cert);
            sk_X509_pop_free(ca, X509_free);
        }
    }
    PKCS12_free(p12);
    ERR_clear_error();
}
