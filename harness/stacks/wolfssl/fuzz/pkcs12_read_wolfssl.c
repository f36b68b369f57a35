/* The pkcs12 entry (pkcs12_read.h): wolfCrypt's reader (wc_d2i_PKCS12), then its one-call
 * parser wc_PKCS12_parse with the fixture password (the MAC, every safe and bag, the key and
 * certificates, as the backend's wolfssl_pkcs12.c reads a credential), and the compatibility
 * layer's PKCS12_parse over the same bytes. Bundles beyond the work bound are read, not
 * opened (pkcs12_work_wolfssl.h). */
#include "wolfssl_fuzz.h"

#include "pkcs12_read.h"

#include "fixture.h"
#include "fixture_wolfssl.h"
#include "pkcs12_work_wolfssl.h"

#include <wolfssl/openssl/pkcs12.h>
#include <wolfssl/wolfcrypt/pkcs12.h>

#include <limits.h>

static void free_certs(WC_DerCertList *list)
{
    while (list != NULL) {
        WC_DerCertList *next = list->next;
        XFREE(list->buffer, NULL, DYNAMIC_TYPE_PKCS);
        XFREE(list, NULL, DYNAMIC_TYPE_PKCS);
        list = next;
    }
}

static void parse_native(const uint8_t *data, size_t size, bool open)
{
    WC_PKCS12 *p12 = wc_PKCS12_new();
    if (p12 == NULL) return;
    if (wc_d2i_PKCS12(data, (word32)size, p12) == 0 && open) {
        byte *key = NULL, *cert = NULL;
        word32 key_len = 0, cert_len = 0;
        WC_DerCertList *chain = NULL;
        if (wc_PKCS12_parse(p12, mg_fixture_p12_password, &key, &key_len, &cert, &cert_len,
                            &chain) == 0) {
            XFREE(key, NULL, DYNAMIC_TYPE_PKCS);
            XFREE(cert, NULL, DYNAMIC_TYPE_PKCS);
            free_certs(chain);
        }
    }
    wc_PKCS12_free(p12);
}

static void parse_compat(const uint8_t *data, size_t size)
{
    WOLFSSL_BIO *bio = wolfSSL_BIO_new_mem_buf(data, (int)size);
    if (bio == NULL) return;
    WC_PKCS12 *p12 = wolfSSL_d2i_PKCS12_bio(bio, NULL);
    wolfSSL_BIO_free(bio);
    if (p12 == NULL) return;
    WOLFSSL_EVP_PKEY *key = NULL;
    WOLFSSL_X509 *cert = NULL;
    WOLF_STACK_OF(WOLFSSL_X509) *ca = NULL;
    if (wolfSSL_PKCS12_parse(p12, mg_fixture_p12_password, &key, &cert, &ca) ==
        WOLFSSL_SUCCESS) {
        wolfSSL_EVP_PKEY_free(key);
        wolfSSL_X509_free(cert);
        wolfSSL_sk_X509_pop_free(ca, wolfSSL_X509_free);
    }
    wc_PKCS12_free(p12);
}

void mg_fuzz_wolfssl_pkcs12(const uint8_t *data, size_t size)
{
    if (size > INT_MAX) return;
    mg_fixture_wolfssl_init();
    bool open = mg_pkcs12_wolfssl_within_bound(data, size, mg_fixture_p12_password);
    parse_native(data, size, open);
    if (open) parse_compat(data, size);
}
