/* The CA names of a server's CertificateRequest. wolfSSL (built with OPENSSL_EXTRA, as
 * Debian's is) sends those of the context's client CA list and none without one, as OpenSSL
 * does; MG_CA_NAMES_TRUSTED gives it the trust file's subjects, in file order, as nginx gives
 * OpenSSL ssl_client_certificate's (wolfSSL_load_client_CA_file, once per WOLFSSL_CTX: the
 * list outlives the CA reloads of mg_wolf_forget_learned). In TLS 1.3 a wolfSSL 5.5 server
 * sends no certificate_authorities extension all the same (wolfssl_stack.c). */
#include "wolfssl_internal.h"

MG_RESULT mg_wolf_setup_ca_names(const mg_context *ctx, WOLFSSL_CTX *wctx, mg_side_outcome *why)
{
    const mg_side_config *cfg = &ctx->config;
    if (cfg->role != MG_ROLE_SERVER || cfg->ca_names != MG_CA_NAMES_TRUSTED || !cfg->trust_file)
        return MG_OK;
    WOLF_STACK_OF(WOLFSSL_X509_NAME) *names = wolfSSL_load_client_CA_file(cfg->trust_file);
    if (!names) {
        mg_wolf_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0,
                              "cannot read the CA names of %s", cfg->trust_file);
        return MG_OK;
    }
    wolfSSL_CTX_set_client_CA_list(wctx, names); /* takes the list */
    return MG_OK;
}
