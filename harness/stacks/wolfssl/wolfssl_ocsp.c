/* OCSP stapling. The server hands wolfSSL the DER response it was given from the status
 * callback of the compatibility layer (wolfSSL_CTX_set_tlsext_status_cb, as nginx does with
 * wolfSSL); wolfSSL itself then decides whether to staple it (src/internal.c
 * CreateOcspResponse: it parses its own certificate against its own trust store first, and
 * checks the response before sending it). The client, under strict with require_ocsp,
 * requests a staple (wolfSSL_UseOCSPStapling), lets wolfSSL judge it against its trust store
 * (wolfSSL_CTX_EnableOCSPStapling) and fails without one (wolfSSL_CTX_EnableOCSPMustStaple). */
#include "wolfssl_internal.h"

#include <wolfssl/wolfcrypt/types.h>

#include <string.h>

/* wolfSSL frees the response it is given (XFREE with DYNAMIC_TYPE_OPENSSL, src/ocsp.c). */
static int staple(WOLFSSL *ssl, void *arg)
{
    (void)arg;
    mg_session *s = mg_wolf_session_of(ssl);
    if (!s) return WOLFSSL_FAILURE;
    const mg_wolf_blob *der = &s->ctx->ocsp;
    unsigned char *copy = XMALLOC(der->len, NULL, DYNAMIC_TYPE_OPENSSL);
    if (!copy) return WOLFSSL_FAILURE;
    memcpy(copy, der->data, der->len);
    if (wolfSSL_set_tlsext_status_ocsp_resp(ssl, copy, (int)der->len) != WOLFSSL_SUCCESS) {
        XFREE(copy, NULL, DYNAMIC_TYPE_OPENSSL);
        return WOLFSSL_FAILURE;
    }
    return 0; /* SSL_TLSEXT_ERR_OK */
}

static bool client_requires(const mg_side_config *cfg)
{
    return cfg->role == MG_ROLE_CLIENT && cfg->require_ocsp && cfg->policy == MG_POLICY_STRICT;
}

MG_RESULT mg_wolf_setup_ocsp(const mg_context *ctx, WOLFSSL_CTX *wctx, mg_side_outcome *why)
{
    const mg_side_config *cfg = &ctx->config;
    int rc = WOLFSSL_SUCCESS;
    if (cfg->role == MG_ROLE_SERVER && ctx->ocsp.data)
        rc = wolfSSL_CTX_set_tlsext_status_cb(wctx, staple);
    if (client_requires(cfg)) {
        rc = wolfSSL_CTX_EnableOCSPStapling(wctx);
        if (rc == WOLFSSL_SUCCESS) rc = wolfSSL_CTX_EnableOCSPMustStaple(wctx);
    }
    if (rc != WOLFSSL_SUCCESS)
        mg_wolf_setup_failure(why, MG_REASON_OTHER, rc, "cannot set up OCSP stapling");
    return MG_OK;
}

MG_RESULT mg_wolf_setup_ocsp_session(mg_session *s, mg_side_outcome *why)
{
    if (!client_requires(&s->ctx->config)) return MG_OK;
    int rc = wolfSSL_UseOCSPStapling(s->ssl, WOLFSSL_CSR_OCSP, 0);
    if (rc != WOLFSSL_SUCCESS)
        mg_wolf_setup_failure(why, MG_REASON_OTHER, rc, "cannot request an OCSP staple");
    return MG_OK;
}
