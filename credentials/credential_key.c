/* Private keys and PKCS#12 files, with the exact problem named: encrypted, unreadable, not
 * PKCS#12, wrong password, nothing inside. */
#include "credential_read.h"

#include "der_blobs.h"
#include "secret.h"

#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/pkcs12.h>
#include <openssl/provider.h>

#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *password; /* NULL: none was given */
    bool asked;           /* the decoder wanted one */
} passphrase;

/* Gives the password when one was given, and remembers that the decoder asked for one
 * (never prompting on the terminal). */
static int give_passphrase(char *buf, int size, int rwflag, void *raw)
{
    (void)rwflag;
    passphrase *p = raw;
    p->asked = true;
    if (!p->password) return -1;
    size_t n = strlen(p->password);
    if (n > (size_t)size) return -1;
    memcpy(buf, p->password, n);
    return (int)n;
}

/* In a PEM file that also holds certificates (the combined file curl's --cert takes, in
 * either order), the key's own block: from its BEGIN line to its END line. */
static void key_block(const unsigned char *data, size_t len, const unsigned char **start,
                      size_t *block_len)
{
    const char *text = (const char *)data, *begin = NULL;
    const char *marker = "-----BEGIN ";
    for (const char *p = strstr(text, marker); p && !begin; p = strstr(p + 1, marker)) {
        const char *eol = strchr(p, '\n');
        const char *key = strstr(p, "PRIVATE KEY-----");
        if (key && (!eol || key < eol)) begin = p;
    }
    const char *end = begin ? strstr(begin, "-----END ") : NULL;
    const char *close = end ? strstr(end + 9, "-----") : NULL;
    if (!begin || !close || (size_t)(close + 5 - text) > len) return;
    *start = (const unsigned char *)begin;
    *block_len = (size_t)(close + 5 - begin);
}

static EVP_PKEY *decode_key(const unsigned char *data, size_t len, passphrase *pass)
{
    EVP_PKEY *key = NULL;
    key_block(data, len, &data, &len);
    OSSL_DECODER_CTX *dctx =
        OSSL_DECODER_CTX_new_for_pkey(&key, NULL, NULL, NULL, EVP_PKEY_KEYPAIR, NULL, NULL);
    if (dctx) {
        OSSL_DECODER_CTX_set_pem_password_cb(dctx, give_passphrase, pass);
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
    return mg_credential_read_key_password(path, NULL, out);
}

mg_result mg_credential_read_key_password(const char *path, const char *password, EVP_PKEY **out)
{
    unsigned char *data;
    size_t len;
    *out = NULL;
    MG_GUARD(mg_credential_file_bytes(path, &data, &len));
    passphrase pass = {password, false};
    *out = decode_key(data, len, &pass);
    bool encrypted = pass.asked || mg_bytes_contain(data, len, "ENCRYPTED");
    bool has_cert = mg_bytes_contain(data, len, "CERTIFICATE-----"); /* TRUSTED ones too */
    bool has_key = mg_bytes_contain(data, len, "PRIVATE KEY-----");
    free(data);
    if (*out) return MG_OK;
    MG_ENSURE(!encrypted || password, MG_E_INPUT,
              "%s: the key is encrypted; give its password with --key-password-file FILE (or "
              "%s, or --key-password P)",
              path, MG_KEY_PASSWORD_ENV);
    MG_ENSURE(!encrypted, MG_E_INPUT, "%s: wrong key password: the key does not decrypt with it",
              path);
    MG_ENSURE(!has_key, MG_E_INPUT, "%s: its PRIVATE KEY block is not a readable key", path);
    MG_ENSURE(!has_cert, MG_E_INPUT, "%s: holds a certificate, not a private key", path);
    return mg_fail(MG_E_INPUT,
                   "%s: holds no readable private key (PEM or DER; PKCS#8, SEC1 or PKCS#1)", path);
}

/* OpenSSL 3 keeps RC2, RC4 and single DES (what `openssl pkcs12 -export -legacy`, older
 * Windows and macOS write) in its legacy provider, loaded here only when a bundle needs it
 * (with the default provider beside it, which an explicit load would otherwise displace) and
 * kept for the process, so that the OpenSSL stack reads the same bundle too. */
static bool load_legacy_provider(void)
{
    static OSSL_PROVIDER *legacy, *fallback;
    if (!legacy) {
        fallback = fallback ? fallback : OSSL_PROVIDER_load(NULL, "default");
        legacy = OSSL_PROVIDER_load(NULL, "legacy");
    }
    ERR_clear_error();
    return legacy && fallback;
}

static MG_RESULT open_p12(const char *path, PKCS12 *p12, const char *password, EVP_PKEY **key,
                          X509 **leaf, STACK_OF(X509) **chain)
{
    if (PKCS12_mac_present(p12))
        MG_ENSURE(PKCS12_verify_mac(p12, password, -1), MG_E_INPUT,
                  "%s: wrong password: the file's MAC does not verify", path);
    bool parsed = PKCS12_parse(p12, password, key, leaf, chain) == 1;
    bool legacy = false;
    if (!parsed) { /* the MAC verified, so the password is right: a legacy cipher? */
        ERR_clear_error();
        legacy = load_legacy_provider();
        parsed = legacy && PKCS12_parse(p12, password, key, leaf, chain) == 1;
    }
    MG_ENSURE(parsed || legacy, MG_E_INPUT,
              "%s: the password is right (the MAC verifies) but its contents use a legacy cipher "
              "(RC2 or 3DES, as the pkcs12 -legacy command writes) that needs OpenSSL's legacy "
              "provider, which is not installed here; GnuTLS reads such bundles",
              path);
    MG_ENSURE(parsed, MG_E_INPUT, "%s: cannot decrypt its contents with the password given", path);
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
