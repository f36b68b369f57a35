/* Private keys and PKCS#12 files, with the exact problem named: encrypted, unreadable, not
 * PKCS#12, wrong password, nothing inside. */
#include "handshake_read.h"

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

mg_result mg_hs_read_key(const char *flag, const char *path, EVP_PKEY **out)
{
    unsigned char *buf;
    size_t len;
    MG_GUARD(mg_hs_slurp(flag, path, &buf, &len));
    *out = NULL;
    bool asked = false;
    OSSL_DECODER_CTX *dctx = OSSL_DECODER_CTX_new_for_pkey(out, NULL, NULL, NULL,
                                                           EVP_PKEY_KEYPAIR, NULL, NULL);
    if (dctx) {
        OSSL_DECODER_CTX_set_pem_password_cb(dctx, no_passphrase, &asked);
        const unsigned char *p = buf;
        size_t left = len;
        if (!OSSL_DECODER_from_data(dctx, &p, &left)) *out = NULL;
    }
    OSSL_DECODER_CTX_free(dctx);
    bool encrypted = asked || strstr((const char *)buf, "ENCRYPTED") != NULL;
    bool has_cert = strstr((const char *)buf, "BEGIN CERTIFICATE") != NULL;
    free(buf);
    ERR_clear_error();
    if (*out) return MG_OK;
    MG_ENSURE(!encrypted, MG_E_INPUT,
              "--%s %s: the key is encrypted; give it unencrypted (openssl pkey -in %s -out "
              "plain.key)", flag, path, path);
    MG_ENSURE(!has_cert, MG_E_INPUT, "--%s %s: holds a certificate, not a private key", flag,
              path);
    return mg_fail(MG_E_INPUT,
                   "--%s %s: holds no readable private key (PEM or DER; PKCS#8, SEC1 or PKCS#1)",
                   flag, path);
}

static mg_result parse_p12(const char *flag, const char *path, PKCS12 *p12, const char *password,
                           EVP_PKEY **key, X509 **leaf, STACK_OF(X509) **chain)
{
    MG_ENSURE(password, MG_E_USAGE, "--%s %s: --p12-password P is required", flag, path);
    if (PKCS12_mac_present(p12))
        MG_ENSURE(PKCS12_verify_mac(p12, password, -1), MG_E_INPUT,
                  "--%s %s: wrong password (--p12-password): the file's MAC does not verify",
                  flag, path);
    MG_ENSURE(PKCS12_parse(p12, password, key, leaf, chain), MG_E_INPUT,
              "--%s %s: cannot decrypt its contents with --p12-password", flag, path);
    MG_ENSURE(*leaf, MG_E_INPUT, "--%s %s: holds no certificate with a key", flag, path);
    MG_ENSURE(*key, MG_E_INPUT, "--%s %s: holds no private key", flag, path);
    return MG_OK;
}

mg_result mg_hs_read_p12(const char *flag, const char *path, const char *password,
                         EVP_PKEY **key, X509 **leaf, STACK_OF(X509) **chain)
{
    unsigned char *buf;
    size_t len;
    MG_GUARD(mg_hs_slurp(flag, path, &buf, &len));
    const unsigned char *p = buf;
    PKCS12 *p12 = d2i_PKCS12(NULL, &p, (long)len);
    bool pem = strstr((const char *)buf, "-----BEGIN ") != NULL;
    free(buf);
    ERR_clear_error();
    if (!p12)
        return mg_fail(MG_E_INPUT, "--%s %s: not a PKCS#12 file%s", flag, path,
                       pem ? " (it is PEM: use --client-cert and --client-key)" : "");
    mg_result r = parse_p12(flag, path, p12, password, key, leaf, chain);
    PKCS12_free(p12);
    ERR_clear_error();
    return r;
}
