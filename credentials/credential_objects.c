/* Certificates and CRLs: the DER objects of a file decoded one by one; a DER file may hold
 * several objects back to back, a PEM block exactly one. */
#include "credential_read.h"

#include "der_blobs.h"

#include <openssl/err.h>
#include <openssl/pkcs12.h>

#include <string.h>

/* pem_name: the block's type, NULL for DER (a TRUSTED CERTIFICATE carries trust settings). */
typedef void *(*decode_fn)(const char *pem_name, const unsigned char **p, long len);
typedef void (*free_fn)(void *item);

static void *decode_cert(const char *pem_name, const unsigned char **p, long len)
{
    if (pem_name && strcmp(pem_name, "TRUSTED CERTIFICATE") == 0) return d2i_X509_AUX(NULL, p, len);
    return d2i_X509(NULL, p, len);
}

static void *decode_crl(const char *pem_name, const unsigned char **p, long len)
{
    (void)pem_name;
    return d2i_X509_CRL(NULL, p, len);
}
static void free_cert(void *item) { X509_free(item); }
static void free_crl(void *item) { X509_CRL_free(item); }

static const char *openssl_reason(void)
{
    const char *why = ERR_reason_error_string(ERR_peek_last_error());
    return why ? why : "not ASN.1 DER";
}

/* Users hand over client.p12 where a certificate is expected; say so rather than "asn1". */
static bool is_pkcs12(const mg_der_blob *blob)
{
    const unsigned char *p = blob->data;
    PKCS12 *p12 = d2i_PKCS12(NULL, &p, blob->len);
    PKCS12_free(p12);
    return p12 != NULL;
}

static MG_RESULT refuse_pem_block(const char *path, const char *what, const mg_der_blob *blob,
                                  long trailing)
{
    if (trailing)
        return mg_fail(MG_E_INPUT, "%s:%d: PEM block %zu (%s) has %ld bytes after its %s", path,
                       blob->line, blob->block, blob->pem_name, trailing, what);
    return mg_fail(MG_E_INPUT, "%s:%d: PEM block %zu (%s) is not a valid %s (%s)", path,
                   blob->line, blob->block, blob->pem_name, what, openssl_reason());
}

static MG_RESULT decode_blob(const char *path, const char *what, const mg_der_blob *blob,
                             decode_fn decode, free_fn release, OPENSSL_STACK *out)
{
    const unsigned char *p = blob->data, *end = blob->data + blob->len;
    while (p < end) {
        const unsigned char *start = p;
        ERR_clear_error();
        void *item = decode(blob->pem_name, &p, (long)(end - p));
        if (!item && blob->pem_name) return refuse_pem_block(path, what, blob, 0);
        if (!item && start == blob->data && is_pkcs12(blob))
            return mg_fail(MG_E_INPUT,
                           "%s is a PKCS#12 bundle, not a %s: extract the certificates with "
                           "openssl pkcs12 -in %s -nokeys", /* stack-literal: tool hint */
                           path, what, path);
        if (!item)
            return mg_fail(MG_E_INPUT, "%s: the bytes at offset %ld are not a DER %s (%s)", path,
                           (long)(start - blob->data), what, openssl_reason());
        if (!OPENSSL_sk_push(out, item)) {
            release(item);
            return mg_fail(MG_E_INTERNAL, "out of memory");
        }
        if (blob->pem_name && p < end) return refuse_pem_block(path, what, blob, (long)(end - p));
    }
    return MG_OK;
}

static MG_RESULT read_objects(const char *path, const char *what, const char *const *pem_names,
                              decode_fn decode, free_fn release, OPENSSL_STACK **out)
{
    mg_der_blobs blobs;
    MG_GUARD(mg_read_der_blobs(path, what, pem_names, &blobs));
    OPENSSL_STACK *stack = OPENSSL_sk_new_null();
    mg_result r = stack ? MG_OK : mg_fail(MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; mg_ok(r) && i < blobs.count; i++)
        r = decode_blob(path, what, &blobs.items[i], decode, release, stack);
    mg_der_blobs_free(&blobs);
    ERR_clear_error();
    if (!mg_ok(r)) {
        OPENSSL_sk_pop_free(stack, release);
        return r;
    }
    *out = stack;
    return MG_OK;
}

mg_result mg_credential_read_certs(const char *path, STACK_OF(X509) **out)
{
    static const char *const names[] = {"CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE",
                                        NULL};
    OPENSSL_STACK *stack = NULL;
    *out = NULL;
    MG_GUARD(read_objects(path, "certificate", names, decode_cert, free_cert, &stack));
    *out = (STACK_OF(X509) *)stack;
    return MG_OK;
}

mg_result mg_credential_read_crls(const char *path, STACK_OF(X509_CRL) **out)
{
    static const char *const names[] = {"X509 CRL", NULL};
    OPENSSL_STACK *stack = NULL;
    *out = NULL;
    MG_GUARD(read_objects(path, "CRL", names, decode_crl, free_crl, &stack));
    *out = (STACK_OF(X509_CRL) *)stack;
    return MG_OK;
}
