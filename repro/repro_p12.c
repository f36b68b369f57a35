/* client.p12 for bundles whose client credential is a PEM pair: OpenSSL 3.0's PKCS12_create
 * defaults (AES-256-CBC, PBKDF2, SHA-256 MAC), which curl, openssl and GnuTLS all read. */
#include "atomic_file.h"
#include "repro_bundle.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

static MG_RESULT read_certs(const char *path, X509 **leaf, STACK_OF(X509) **chain)
{
    BIO *bio = BIO_new_file(path, "r");
    MG_ENSURE(bio, MG_E_INPUT, "%s: cannot read", path);
    *chain = sk_X509_new_null();
    X509 *x;
    while (*chain && (x = PEM_read_bio_X509(bio, NULL, NULL, NULL)) != NULL) {
        if (!*leaf) *leaf = x;
        else if (!sk_X509_push(*chain, x)) X509_free(x);
    }
    BIO_free(bio);
    ERR_clear_error(); /* the reader ends on "no start line" */
    MG_ENSURE(*leaf && *chain, MG_E_INPUT, "%s: no PEM certificate", path);
    return MG_OK;
}

static MG_RESULT read_key(const char *path, EVP_PKEY **key)
{
    BIO *bio = BIO_new_file(path, "r");
    MG_ENSURE(bio, MG_E_INPUT, "%s: cannot read", path);
    *key = PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL);
    BIO_free(bio);
    ERR_clear_error();
    MG_ENSURE(*key, MG_E_INPUT, "%s: no PEM private key", path);
    return MG_OK;
}

static MG_RESULT write_p12(PKCS12 *p12, const char *out)
{
    unsigned char *der = NULL;
    int len = i2d_PKCS12(p12, &der);
    MG_ENSURE(len > 0, MG_E_INTERNAL, "%s: cannot encode the PKCS#12", out);
    mg_result r = mg_atomic_write(out, der, (size_t)len, 0600);
    OPENSSL_free(der);
    return r;
}

mg_result mg_repro_make_p12(const char *cert_pem, const char *key_pem, const char *password,
                            const char *out, bool *made, char *why, size_t why_len)
{
    *made = false;
    X509 *leaf = NULL;
    STACK_OF(X509) *chain = NULL;
    EVP_PKEY *key = NULL;
    PKCS12 *p12 = NULL;
    mg_result r = read_certs(cert_pem, &leaf, &chain);
    if (mg_ok(r)) r = read_key(key_pem, &key);
    if (mg_ok(r) && !X509_check_private_key(leaf, key)) {
        snprintf(why, why_len, "the client's key does not belong to its certificate (the case's "
                               "defect), so no PKCS#12 file can hold the pair");
    } else if (mg_ok(r)) {
        p12 = PKCS12_create(password, "client", key, leaf, sk_X509_num(chain) ? chain : NULL, 0,
                            0, 0, 0, 0);
        r = p12 ? write_p12(p12, out) : mg_fail(MG_E_INTERNAL, "%s: PKCS12_create failed", out);
        *made = mg_ok(r);
    }
    ERR_clear_error();
    PKCS12_free(p12);
    EVP_PKEY_free(key);
    X509_free(leaf);
    sk_X509_pop_free(chain, X509_free);
    return r;
}
