/* OpenSSL's security level screens our own certificate chain too (at loading and again when
 * sending it). The harness presents whatever credential a case gives it, so that the PEER
 * judges a weak one (RSA-1024, SHA-1 signed): this callback waives the level for this side's
 * own certificates only and leaves every other decision, including how the peer's chain is
 * judged (the verify auth level), to OpenSSL's default callback. */
#include "ossl_internal.h"

static bool is_own_certificate_check(int op)
{
    if (op & SSL_SECOP_PEER) return false;
    return op == SSL_SECOP_EE_KEY || op == SSL_SECOP_CA_KEY || op == SSL_SECOP_CA_MD;
}

static int waive_own_certificates(const SSL *s, const SSL_CTX *ssl_ctx, int op, int bits, int nid,
                                  void *other, void *ex)
{
    if (is_own_certificate_check(op)) return 1;
    const mg_context *ctx = mg_ossl_context_of(s ? SSL_get_SSL_CTX(s) : ssl_ctx);
    return ctx->default_security(s, ssl_ctx, op, bits, nid, other, ex);
}

void mg_ossl_setup_security(mg_context *ctx)
{
    ctx->default_security = SSL_CTX_get_security_callback(ctx->ssl_ctx);
    SSL_CTX_set_security_callback(ctx->ssl_ctx, waive_own_certificates);
}
