/* Signing in the generator's library context, with the stream reset per object so each
 * signature (and its ECDSA nonce) depends only on seed and label, not on issuing order. */
#include "detrand.h"
#include "gen_internal.h"

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <string.h>

MG_RESULT mg_sign_ctx(mg_gen *g, EVP_PKEY *key, const char *md, const char *label,
                      EVP_MD_CTX **out)
{
    char stream_label[256];
    snprintf(stream_label, sizeof stream_label, "sig:%s", label);
    mg_detrand_reset(g->seed, stream_label);
    /* Ed25519 signs the message itself: no separate digest. */
    if (EVP_PKEY_is_a(key, "ED25519") || EVP_PKEY_is_a(key, "ED448")) md = NULL;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    MG_ENSURE(ctx != NULL, MG_E_INTERNAL, "out of memory");
    if (EVP_DigestSignInit_ex(ctx, NULL, md, g->libctx, NULL, key, NULL) != 1) {
        EVP_MD_CTX_free(ctx);
        return mg_fail(MG_E_INTERNAL, "cannot start signing %s", label);
    }
    *out = ctx;
    return MG_OK;
}

MG_RESULT mg_sign_cert(mg_gen *g, X509 *cert, EVP_PKEY *key, const char *md, const char *label)
{
    EVP_MD_CTX *ctx = NULL;
    MG_GUARD(mg_sign_ctx(g, key, md, label, &ctx));
    int ok = X509_sign_ctx(cert, ctx) > 0;
    EVP_MD_CTX_free(ctx);
    MG_ENSURE(ok, MG_E_INTERNAL, "signing the certificate %s failed", label);
    return MG_OK;
}

MG_RESULT mg_sign_crl(mg_gen *g, X509_CRL *crl, EVP_PKEY *key, const char *label)
{
    EVP_MD_CTX *ctx = NULL;
    MG_GUARD(mg_sign_ctx(g, key, "SHA256", label, &ctx));
    int ok = X509_CRL_sign_ctx(crl, ctx) > 0;
    EVP_MD_CTX_free(ctx);
    MG_ENSURE(ok, MG_E_INTERNAL, "signing the CRL %s failed", label);
    return MG_OK;
}

MG_RESULT mg_serial_for(const mg_gen *g, const char *name, ASN1_INTEGER **out)
{
    char stream_label[256];
    unsigned char bytes[16];
    snprintf(stream_label, sizeof stream_label, "serial:%s", name);
    mg_detrand_reset(g->seed, stream_label);
    MG_GUARD(mg_detrand_bytes(bytes, sizeof bytes));
    bytes[0] = (unsigned char)((bytes[0] & 0x7f) | 0x10); /* positive, 16 bytes, not zero */
    BIGNUM *bn = BN_bin2bn(bytes, sizeof bytes, NULL);
    *out = bn ? BN_to_ASN1_INTEGER(bn, NULL) : NULL;
    BN_free(bn);
    MG_ENSURE(*out != NULL, MG_E_INTERNAL, "out of memory");
    return MG_OK;
}

MG_RESULT mg_corrupt_bits(ASN1_BIT_STRING *sig, const char *name)
{
    int len = sig ? ASN1_STRING_length(sig) : 0;
    MG_ENSURE(len > 0 && len <= 1024, MG_E_INTERNAL, "%s has no signature", name);
    unsigned char bytes[1024];
    memcpy(bytes, ASN1_STRING_get0_data(sig), (size_t)len);
    bytes[len - 1] ^= 0x01;
    MG_ENSURE(ASN1_BIT_STRING_set(sig, bytes, len), MG_E_INTERNAL,
              "cannot corrupt the signature of %s", name);
    return MG_OK;
}
