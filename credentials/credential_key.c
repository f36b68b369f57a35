/* Private keys and PKCS#12 files, with the exact problem named: encrypted, unreadable, not
 * PKCS#12, wrong password, nothing inside. */
#include "credential_read.h"

#include "der_blobs.h"

#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/pkcs12.h>

#include <stdlib.h>
#include <string.h>

/* Remembers that the decoder asked for a passphrase instead of prompting on the terminal. */
static int no_passphrase(char *buf, int size, int rwflag, void *asked)
{
    (void)buf, (void)size, (void)rwflag;
    *(bool *)asked = true;
    return -1;
}

static EVP_PKEY *decode_key(const unsigned char *data, size_t len, bool *asked)
{
    EVP_PKEY *key = NULL;
    OSSL_DECODER_CTX *dctx =
        OSSL_DECODER_CTX_new_for_pkey(&key, NULL, NULL, NULL, EVP_PKEY_KEYPAIR, NULL, NULL);
    if (dctx) {
        OSSL_DECODER_CTX_set_pem_password_cb(dctx, no_passphrase, asked);
        const unsigned char *p = data;
        size_t left = len;
        if (!OSSL_DECODER_from_data(dctx, &p, &left)) key = NULL;
    }
    OSSL_DECODER_CTX_free(dctx);
    ERR_clear_error();
    return key;
}

mg_result mg_credential_read_key(const char *path, EVP_PKEY **out)
{
    unsigned char *data;
    size_t len;
    *out = NULL;
    MG_GUARD(mg_credential_file_bytes(path, &data, &len));
    bool asked = false;
    *out = decode_key(data, len, &asked);
    bool encrypted = asked || mg_bytes_contain(data, len, "ENCRYPTED");
    bool has_cert = mg_bytes_contain(data, len, "CERTIFICATE-----"); /* TRUSTED ones too */
    free(data);
    if (*out) return MG_OK;
    MG_ENSURE(!encrypted, MG_E_INPUT,
              /* stack-literal: tool hint */
              "%s: the key is encrypted; give it unencrypted (openssl pkey -in %s -out plain.key)",
              path, path);
    MG_ENSURE(!has_cert, MG_E_INPUT, "%s: holds a certificate, not a private key", path);
    return mg_fail(MG_E_INPUT,
                   "%s: holds no readable private key (PEM or DER; PKCS#8, SEC1 or PKCS#1)", path);
}

static MG_RESULT open_p12(const char *path, PKCS12 *p12, const char *password, EVP_PKEY **key,
                          X509 **leaf, STACK_OF(X509) **chain)
{
    if (PKCS12_mac_present(p12))
        MG_ENSURE(PKCS12_verify_mac(p12, password, -1), MG_E_INPUT,
                  "%s: wrong password: the file's MAC does not verify", path);
    MG_ENSURE(PKCS12_parse(p12, password, key, leaf, chain), MG_E_INPUT,
              "%s: cannot decrypt its contents with the password given", path);
    MG_ENSURE(*leaf, MG_E_INPUT, "%s: holds no certificate with a key", path);
    MG_ENSURE(*key, MG_E_INPUT, "%s: holds no private key", path);
    return MG_OK;
}

mg_result mg_credential_read_p12(const char *path, const char *password, EVP_PKEY **key,
                                 X509 **leaf, STACK_OF(X509) **chain)
{
    *key = NULL, *leaf = NULL, *chain = NULL;
    MG_ENSURE(password, MG_E_USAGE, "%s: a PKCS#12 file needs its password", path);
    unsigned char *data;
    size_t len;
    MG_GUARD(mg_credential_file_bytes(path, &data, &len));
    const unsigned char *p = data;
    PKCS12 *p12 = d2i_PKCS12(NULL, &p, (long)len);
    bool pem = mg_bytes_contain(data, len, "-----BEGIN ");
    free(data);
    ERR_clear_error();
    if (!p12)
        return mg_fail(MG_E_INPUT, "%s: not a PKCS#12 file%s", path,
                       pem ? " (it is PEM: give the certificate and the key instead)" : "");
    mg_result r = open_p12(path, p12, password, key, leaf, chain);
    PKCS12_free(p12);
    ERR_clear_error();
    return r;
}
