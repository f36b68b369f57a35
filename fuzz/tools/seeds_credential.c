/* Seeds of the credential targets (lib/credential_load.h gives the input's form): for every
 * certificate of the matrix with a key, its chain and key as PEM files, as DER files, and as
 * one PEM file holding both; and the bundles sealed with the fixture password. */
#include "credential_load.h"
#include "file_io.h"
#include "path_join.h"
#include "seeds.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *data;
    size_t len;
} piece;

/* Writes CORPUS/credential/NAME: the mode byte, then the pieces in order. */
static MG_RESULT write_seed(const char *corpus, const char *name, unsigned char mode,
                            const piece *pieces, size_t count, unsigned *written)
{
    size_t total = 1;
    for (size_t i = 0; i < count; i++) total += pieces[i].len;
    char *buf = malloc(total);
    MG_ENSURE(buf != NULL, MG_E_INTERNAL, "out of memory");
    buf[0] = (char)mode;
    for (size_t i = 0, at = 1; i < count; at += pieces[i].len, i++)
        memcpy(buf + at, pieces[i].data, pieces[i].len);
    char path[4096];
    mg_result r = mg_path_format(path, sizeof path, "%s/credential/%s", corpus, name);
    if (mg_ok(r)) r = mg_fuzz_write_file(path, buf, total);
    free(buf);
    if (mg_ok(r)) (*written)++;
    return r;
}

/* The key as PKCS#8 DER, or NULL. */
static unsigned char *key_der(const char *pem, size_t pem_len, int *len)
{
    BIO *in = BIO_new_mem_buf(pem, (int)pem_len);
    EVP_PKEY *key = in ? PEM_read_bio_PrivateKey(in, NULL, NULL, NULL) : NULL;
    PKCS8_PRIV_KEY_INFO *p8 = key ? EVP_PKEY2PKCS8(key) : NULL;
    unsigned char *der = NULL;
    *len = p8 ? i2d_PKCS8_PRIV_KEY_INFO(p8, &der) : -1;
    PKCS8_PRIV_KEY_INFO_free(p8);
    EVP_PKEY_free(key);
    BIO_free(in);
    ERR_clear_error();
    return *len > 0 ? der : NULL;
}

static MG_RESULT seed_forms(const mg_artifact *a, const char *corpus, const piece *chain,
                            const piece *cert_der, const piece *key, unsigned *count)
{
    const piece sep = {MG_FUZZ_KEY_SEPARATOR, sizeof MG_FUZZ_KEY_SEPARATOR - 1};
    const unsigned char mode = a->role && strcmp(a->role, "client") == 0 ? 2 : 0;
    char name[512];
    snprintf(name, sizeof name, "%s-pem", a->name);
    MG_GUARD(write_seed(corpus, name, mode, (piece[]){*chain, sep, *key}, 3, count));
    snprintf(name, sizeof name, "%s-one-file", a->name);
    MG_GUARD(write_seed(corpus, name, mode, (piece[]){*chain, *key}, 2, count));
    int der_len;
    unsigned char *der = key_der(key->data, key->len, &der_len);
    MG_ENSURE(der != NULL, MG_E_INPUT, "%s: its key does not convert to DER", a->name);
    snprintf(name, sizeof name, "%s-der", a->name);
    mg_result r = write_seed(corpus, name, mode,
                             (piece[]){*cert_der, sep, {(const char *)der, (size_t)der_len}}, 3,
                             count);
    OPENSSL_free(der);
    return r;
}

MG_RESULT mg_seed_credential(const mg_artifact *a, const char *corpus, unsigned *count)
{
    char *chain = NULL, *cert = NULL, *key = NULL;
    size_t chain_len = 0, cert_len = 0, key_len = 0;
    mg_result r = mg_fuzz_read_file(a->chain_pem ? a->chain_pem : a->cert_pem, &chain, &chain_len);
    if (mg_ok(r)) r = mg_fuzz_read_file(a->cert_der, &cert, &cert_len);
    if (mg_ok(r)) r = mg_fuzz_read_file(a->key_pem, &key, &key_len);
    if (mg_ok(r))
        r = seed_forms(a, corpus, &(piece){chain, chain_len}, &(piece){cert, cert_len},
                       &(piece){key, key_len}, count);
    free(key);
    free(cert);
    free(chain);
    return r;
}

MG_RESULT mg_seed_credential_p12(const char *corpus, unsigned *count)
{
    static const char *const sealed[] = {"client-sealed-aes", "client-sealed-3des",
                                         "server-sealed-aes", "server-sealed-3des"};
    for (size_t i = 0; i < sizeof sealed / sizeof *sealed; i++) {
        char path[4096], *data;
        size_t len;
        MG_GUARD(mg_path_format(path, sizeof path, "%s/pkcs12/%s.p12", corpus, sealed[i]));
        MG_GUARD(mg_fuzz_read_file(path, &data, &len));
        const unsigned char mode = 1 | (strncmp(sealed[i], "client", 6) == 0 ? 2 : 0);
        mg_result r = write_seed(corpus, sealed[i], mode, (piece[]){{data, len}}, 1, count);
        free(data);
        MG_GUARD(r);
    }
    return MG_OK;
}
