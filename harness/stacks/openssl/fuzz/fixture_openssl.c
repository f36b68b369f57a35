#include "fixture_openssl.h"

#include "fixture.h"
#include "fuzz_require.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509_vfy.h>

STACK_OF(X509) *mg_fixture_openssl_certs(const char *pem)
{
    BIO *in = BIO_new_mem_buf(pem, -1);
    STACK_OF(X509) *certs = sk_X509_new_null();
    mg_fuzz_check(in != NULL && certs != NULL, "out of memory loading the fixture");
    X509 *cert;
    while ((cert = PEM_read_bio_X509(in, NULL, NULL, NULL)) != NULL)
        mg_fuzz_check(sk_X509_push(certs, cert) > 0, "out of memory loading the fixture");
    ERR_clear_error(); /* the end of the text reads as an error */
    BIO_free(in);
    mg_fuzz_check(sk_X509_num(certs) > 0, "fixture PEM holds no certificate");
    return certs;
}

static X509_STORE *store_of(const char *pem)
{
    X509_STORE *store = X509_STORE_new();
    mg_fuzz_check(store != NULL, "out of memory for an X509_STORE");
    STACK_OF(X509) *certs = mg_fixture_openssl_certs(pem);
    for (int i = 0; i < sk_X509_num(certs); i++)
        mg_fuzz_check(X509_STORE_add_cert(store, sk_X509_value(certs, i)) == 1,
                      "X509_STORE_add_cert failed on the fixture");
    sk_X509_pop_free(certs, X509_free);
    X509_VERIFY_PARAM *param = X509_STORE_get0_param(store);
    X509_VERIFY_PARAM_set_time(param, (time_t)mg_fixture_time);
    return store;
}

X509_STORE *mg_fixture_openssl_ca_store(void)
{
    static X509_STORE *store;
    if (store == NULL) store = store_of(mg_fixture_ca_bundle_pem);
    return store;
}

X509_STORE *mg_fixture_openssl_client_store(void)
{
    static X509_STORE *store;
    if (store == NULL) store = store_of(mg_fixture_client_trust_pem);
    return store;
}

BIO *mg_fixture_openssl_sink(void)
{
    static BIO *sink;
    if (sink == NULL) sink = BIO_new(BIO_s_null());
    mg_fuzz_check(sink != NULL, "out of memory for a null BIO");
    return sink;
}
