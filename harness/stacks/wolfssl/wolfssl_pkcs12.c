/* A PKCS#12 credential through wolfCrypt (wc_d2i_PKCS12, wc_PKCS12_parse): the key as DER, the
 * leaf (the certificate matching the key) and the other certificates in bag order, written as
 * one PEM chain so that it is installed like a PEM credential file. */
#include "wolfssl_internal.h"

#include <wolfssl/wolfcrypt/asn_public.h>
#include <wolfssl/wolfcrypt/pkcs12.h>
#include <wolfssl/wolfcrypt/types.h>

#include <stdlib.h>
#include <string.h>

/* PEM grows DER by 4/3 plus line breaks and the armour. */
static size_t pem_cap(word32 der_len) { return (size_t)der_len * 2 + 128; }

static MG_RESULT append_pem(mg_wolf_blob *chain, const byte *der, word32 der_len)
{
    size_t cap = pem_cap(der_len);
    unsigned char *grown = realloc(chain->data, chain->len + cap);
    MG_ENSURE(grown, MG_E_INTERNAL, "wolfssl: out of memory converting PKCS#12");
    chain->data = grown;
    int n = wc_DerToPem(der, der_len, grown + chain->len, (word32)cap, CERT_TYPE);
    MG_ENSURE(n > 0, MG_E_INTERNAL, "wolfssl: wc_DerToPem failed (%d)", n);
    chain->len += (size_t)n;
    return MG_OK;
}

static void free_cert_list(WC_DerCertList *list)
{
    while (list) {
        WC_DerCertList *next = list->next;
        XFREE(list->buffer, NULL, DYNAMIC_TYPE_PKCS);
        XFREE(list, NULL, DYNAMIC_TYPE_PKCS);
        list = next;
    }
}

/* The parsed parts into the context: key DER, chain PEM. */
static MG_RESULT keep_parts(mg_context *ctx, byte *key, word32 key_len, byte *cert,
                            word32 cert_len, const WC_DerCertList *ca)
{
    ctx->own_key.data = malloc(key_len);
    MG_ENSURE(ctx->own_key.data, MG_E_INTERNAL, "wolfssl: out of memory for a PKCS#12 key");
    memcpy(ctx->own_key.data, key, key_len);
    ctx->own_key.len = key_len;
    ctx->own_key.format = WOLFSSL_FILETYPE_ASN1;
    ctx->own_chain.format = WOLFSSL_FILETYPE_PEM;
    MG_GUARD(append_pem(&ctx->own_chain, cert, cert_len));
    for (const WC_DerCertList *c = ca; c; c = c->next)
        MG_GUARD(append_pem(&ctx->own_chain, c->buffer, c->bufferSz));
    return MG_OK;
}

MG_RESULT mg_wolf_read_pkcs12(mg_context *ctx, mg_side_outcome *why)
{
    const mg_credential *c = &ctx->config.credential;
    mg_wolf_blob file;
    MG_WOLF_STEP(mg_wolf_read_file(c->p12_file, &file, why), why);
    WC_PKCS12 *p12 = wc_PKCS12_new();
    if (!p12) {
        mg_wolf_blob_free(&file);
        return mg_fail(MG_E_INTERNAL, "wolfssl: out of memory for PKCS#12");
    }
    byte *key = NULL, *cert = NULL;
    word32 key_len = 0, cert_len = 0;
    WC_DerCertList *ca = NULL;
    int rc = wc_d2i_PKCS12(file.data, (word32)file.len, p12);
    mg_result r = MG_OK;
    if (rc != 0) {
        mg_wolf_setup_failure(why, MG_REASON_BAD_CREDENTIAL, rc, "%s is not a PKCS#12 file",
                              c->p12_file);
    } else if ((rc = wc_PKCS12_parse(p12, c->p12_password ? c->p12_password : "", &key,
                                     &key_len, &cert, &cert_len, &ca)) != 0) {
        mg_wolf_setup_failure(why, MG_REASON_BAD_CREDENTIAL, rc,
                              "cannot open PKCS#12 file %s (wrong password?)", c->p12_file);
    } else if (!key || !cert) {
        mg_wolf_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0,
                              "PKCS#12 file %s lacks a certificate or its key", c->p12_file);
    } else {
        r = keep_parts(ctx, key, key_len, cert, cert_len, ca);
    }
    if (key) memset(key, 0, key_len);
    XFREE(key, NULL, DYNAMIC_TYPE_PKCS);
    XFREE(cert, NULL, DYNAMIC_TYPE_PKCS);
    free_cert_list(ca);
    wc_PKCS12_free(p12);
    mg_wolf_blob_free(&file);
    return r;
}
