/* The crl entry (revocation_read.h) through both of wolfSSL's readers: the compatibility
 * layer's WOLFSSL_X509_CRL (fields, entries, printing) and the certificate manager, which
 * parses it again, checks its signature against the fixture CAs (wolfSSL_CertManagerLoadCRL-
 * Buffer, src/crl.c BufferLoadCRL) and then looks the fixture's server chain up in it. A
 * certificate manager of its own per input: a loaded CRL stays in it. */
#include "wolfssl_fuzz.h"

#include "revocation_read.h"

#include "fixture.h"
#include "fixture_wolfssl.h"

#include <limits.h>
#include <string.h>

static void read_compat(const uint8_t *data, size_t size)
{
    WOLFSSL_X509_CRL *crl = wolfSSL_d2i_X509_CRL(NULL, data, (int)size);
    if (crl == NULL) return;
    (void)wolfSSL_X509_CRL_get_lastUpdate(crl);
    (void)wolfSSL_X509_CRL_get_nextUpdate(crl);
    (void)wolfSSL_X509_CRL_get_REVOKED(crl);
    char buf[256];
    (void)wolfSSL_X509_NAME_oneline(wolfSSL_X509_CRL_get_issuer_name(crl), buf, sizeof buf);
    WOLFSSL_BIO *bio = wolfSSL_BIO_new(wolfSSL_BIO_s_mem());
    if (bio != NULL) {
        (void)wolfSSL_X509_CRL_print(bio, crl);
        wolfSSL_BIO_free(bio);
    }
    wolfSSL_X509_CRL_free(crl);
}

/* The fixture server's chain as DER certificates, looked up in the CRL one by one. */
static void check_chain(WOLFSSL_CERT_MANAGER *cm)
{
    const char *pem = mg_fixture_server_chain_pem;
    static const char end[] = "-----END CERTIFICATE-----";
    for (const char *at = pem; (at = strstr(at, "-----BEGIN CERTIFICATE-----")) != NULL;) {
        const char *stop = strstr(at, end);
        if (stop == NULL) break;
        stop += sizeof end - 1;
        unsigned char der[8192];
        int len = wolfSSL_CertPemToDer((const unsigned char *)at, (int)(stop - at), der,
                                       (int)sizeof der, CERT_TYPE);
        if (len > 0) (void)wolfSSL_CertManagerCheckCRL(cm, der, len);
        at = stop;
    }
}

void mg_fuzz_wolfssl_crl(const uint8_t *data, size_t size)
{
    if (size > INT_MAX) return;
    mg_fixture_wolfssl_init();
    read_compat(data, size);
    WOLFSSL_CERT_MANAGER *cm = wolfSSL_CertManagerNew();
    if (cm == NULL) return;
    if (wolfSSL_CertManagerLoadCABuffer(cm, (const unsigned char *)mg_fixture_ca_bundle_pem,
                                        (long)strlen(mg_fixture_ca_bundle_pem),
                                        WOLFSSL_FILETYPE_PEM) == WOLFSSL_SUCCESS &&
        wolfSSL_CertManagerEnableCRL(cm, WOLFSSL_CRL_CHECKALL) == WOLFSSL_SUCCESS &&
        wolfSSL_CertManagerLoadCRLBuffer(cm, data, (long)size, WOLFSSL_FILETYPE_ASN1) ==
            WOLFSSL_SUCCESS)
        check_chain(cm);
    wolfSSL_CertManagerFree(cm);
}
