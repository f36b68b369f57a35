/* CRLs, checked under strict for the whole chain (wolfSSL_CTX_EnableCRL with
 * WOLFSSL_CRL_CHECKALL). They are parsed with the compatibility layer and added to the
 * WOLFSSL_CTX's store (wolfSSL_X509_STORE_add_crl) rather than with
 * wolfSSL_CTX_LoadCRLBuffer, which verifies a CRL's signature at load time against the CAs
 * loaded so far (src/ssl.c, BufferLoadCRL with VERIFY) and so refuses every CRL an
 * intermediate signed (ASN_CRL_NO_SIGNER_E), and refuses a stale one at load. Added this way a
 * CRL is verified when first used (src/crl.c CheckCertCRLList), against the CAs known by then:
 * the trust store plus the intermediates of the chain being verified. A CRL that does not
 * verify, is past its nextUpdate or is missing for a CA of the chain gives CRL_MISSING. */
#define _GNU_SOURCE /* memmem */

#include "wolfssl_internal.h"

#include <stdlib.h>
#include <string.h>

void mg_wolf_free_crls(mg_context *ctx)
{
    for (size_t i = 0; i < ctx->crl_count; i++) wolfSSL_X509_CRL_free(ctx->crls[i]);
    free(ctx->crls);
    ctx->crls = NULL;
    ctx->crl_count = 0;
}

static MG_RESULT keep(mg_context *ctx, WOLFSSL_X509_CRL *crl)
{
    WOLFSSL_X509_CRL **grown = realloc(ctx->crls, (ctx->crl_count + 1) * sizeof *grown);
    if (!grown) {
        wolfSSL_X509_CRL_free(crl);
        return mg_fail(MG_E_INTERNAL, "wolfssl: out of memory for CRLs");
    }
    ctx->crls = grown;
    ctx->crls[ctx->crl_count++] = crl;
    return MG_OK;
}

/* One PEM block: wolfSSL_PEM_read_bio_X509_CRL consumes what follows the first block too,
 * so each block gets a BIO of its own. */
static MG_RESULT parse_block(mg_context *ctx, const unsigned char *at, size_t len)
{
    WOLFSSL_BIO *bio = wolfSSL_BIO_new_mem_buf(at, (int)len);
    MG_ENSURE(bio, MG_E_INTERNAL, "wolfssl: out of memory reading CRLs");
    WOLFSSL_X509_CRL *crl = wolfSSL_PEM_read_bio_X509_CRL(bio, NULL, NULL, NULL);
    wolfSSL_BIO_free(bio);
    return crl ? keep(ctx, crl) : MG_OK;
}

/* Every PEM CRL of the file, or one DER CRL. */
static MG_RESULT parse(mg_context *ctx, const mg_wolf_blob *file)
{
    if (file->format == WOLFSSL_FILETYPE_ASN1) {
        WOLFSSL_X509_CRL *crl = wolfSSL_d2i_X509_CRL(NULL, file->data, (int)file->len);
        return crl ? keep(ctx, crl) : MG_OK;
    }
    static const char end[] = "-----END X509 CRL-----";
    const char *text = (const char *)file->data, *stop = text + file->len;
    const char *begin = text;
    while (begin < stop) {
        const char *found = memmem(begin, (size_t)(stop - begin), end, sizeof end - 1);
        if (!found) break;
        const char *after = found + sizeof end - 1;
        MG_GUARD(parse_block(ctx, (const unsigned char *)begin, (size_t)(after - begin)));
        begin = after;
    }
    return MG_OK;
}

MG_RESULT mg_wolf_read_crls(mg_context *ctx, mg_side_outcome *why)
{
    const mg_side_config *cfg = &ctx->config;
    if (!cfg->crl_file || cfg->policy != MG_POLICY_STRICT) return MG_OK; /* minimal: none */
    mg_wolf_blob file;
    MG_WOLF_STEP(mg_wolf_read_file(cfg->crl_file, &file, why), why);
    mg_result r = parse(ctx, &file);
    mg_wolf_blob_free(&file);
    MG_GUARD(r);
    if (ctx->crl_count == 0)
        mg_wolf_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0, "no CRL could be read from %s",
                              cfg->crl_file);
    return MG_OK;
}

MG_RESULT mg_wolf_install_crls(const mg_context *ctx, WOLFSSL_CTX *wctx, mg_side_outcome *why)
{
    if (ctx->crl_count == 0) return MG_OK;
    int rc = wolfSSL_CTX_EnableCRL(wctx, WOLFSSL_CRL_CHECKALL);
    WOLFSSL_X509_STORE *store = wolfSSL_CTX_get_cert_store(wctx);
    for (size_t i = 0; rc == WOLFSSL_SUCCESS && i < ctx->crl_count; i++)
        rc = store ? wolfSSL_X509_STORE_add_crl(store, ctx->crls[i]) : WOLFSSL_FAILURE;
    if (rc != WOLFSSL_SUCCESS)
        mg_wolf_setup_failure(why, MG_REASON_OTHER, rc, "cannot install the CRLs of %s",
                              ctx->config.crl_file);
    return MG_OK;
}
