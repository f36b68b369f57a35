/* OpenSSL's security level screens our own certificate chain too (at loading and again when
 * sending it). In the matrix the harness presents whatever credential a case gives it, so that
 * the PEER judges a weak one (RSA-1024, SHA-1 signed): this callback waives the level for this
 * side's own certificates. With screen_own_credential (`handshake`, the user's own files) it
 * judges them at the level the system gives every new SSL_CTX (Debian builds with level 2;
 * openssl.cnf may change it), as curl and nginx do, not at the one strict raises to judge the
 * peer. Every other decision, including how the peer's chain is judged (the verify auth
 * level), is OpenSSL's default callback's. */
#include "ossl_internal.h"

static bool is_own_certificate_check(int op)
{
    if (op & SSL_SECOP_PEER) return false;
    return op == SSL_SECOP_EE_KEY || op == SSL_SECOP_CA_KEY || op == SSL_SECOP_CA_MD;
}

/* The security bits each level asks for, as ssl_get_security_level_bits has them (OpenSSL
 * 3.0, ssl/ssl_lib.c); a level of 0 or below asks for nothing. */
static bool meets_level(int level, int bits)
{
    static const int minimum_bits[] = {0, 80, 112, 128, 192, 256};
    if (level <= 0) return true;
    if (level > 5) level = 5;
    return bits >= minimum_bits[level];
}

static int judge_own_certificates(const SSL *s, const SSL_CTX *ssl_ctx, int op, int bits,
                                  int nid, void *other, void *ex)
{
    const mg_context *ctx = mg_ossl_context_of(s ? SSL_get_SSL_CTX(s) : ssl_ctx);
    if (is_own_certificate_check(op))
        return !ctx->config.screen_own_credential ||
               meets_level(ctx->system_security_level, bits);
    return ctx->default_security(s, ssl_ctx, op, bits, nid, other, ex);
}

void mg_ossl_setup_security(mg_context *ctx)
{
    ctx->default_security = SSL_CTX_get_security_callback(ctx->ssl_ctx);
    ctx->system_security_level = SSL_CTX_get_security_level(ctx->ssl_ctx);
    SSL_CTX_set_security_callback(ctx->ssl_ctx, judge_own_certificates);
}
