/* Credentials, trust, CRLs and the OCSP staple, parsed once per context. A file GnuTLS cannot
 * use is the case's verdict (setup failed: bad-credential or key-mismatch), not a tool error. */
#include "gnutls_internal.h"

#include <string.h>

static bool refuse(mg_side_outcome *why, const char *what, const char *path, int error)
{
    mg_gnutls_setup_failed(why, MG_REASON_BAD_CREDENTIAL, error, "%s %s: %s (%s)", what, path,
                           gnutls_strerror(error), gnutls_strerror_name(error));
    return false;
}

static bool load_trust(mg_gnutls_context *ctx, mg_side_outcome *why)
{
    const mg_side_config *c = &ctx->config;
    if (c->trust_file) {
        int rc = gnutls_certificate_set_x509_trust_file(ctx->creds, c->trust_file,
                                                        GNUTLS_X509_FMT_PEM);
        if (rc <= 0)
            return refuse(why, "trust file", c->trust_file,
                          rc < 0 ? rc : GNUTLS_E_NO_CERTIFICATE_FOUND);
    }
    /* Under minimal, no CRLs: a typical application does not load them. */
    if (c->crl_file && c->policy == MG_POLICY_STRICT) {
        int rc = gnutls_certificate_set_x509_crl_file(ctx->creds, c->crl_file, GNUTLS_X509_FMT_PEM);
        if (rc <= 0)
            return refuse(why, "CRL file", c->crl_file, rc < 0 ? rc : GNUTLS_E_NO_CERTIFICATE_FOUND);
    }
    return true;
}

/* gnutls_certificate_set_ocsp_status_request_file() refuses a response that says "revoked"
 * (GNUTLS_E_EXPIRED), so a GnuTLS server would never staple one; the response is handed over
 * verbatim through the callback instead, for the client to judge. */
static int staple(gnutls_session_t tls, void *ptr, gnutls_datum_t *response)
{
    (void)tls;
    const gnutls_datum_t *stored = ptr;
    response->data = gnutls_malloc(stored->size);
    if (!response->data) return GNUTLS_E_MEMORY_ERROR;
    memcpy(response->data, stored->data, stored->size);
    response->size = stored->size;
    return 0;
}

static bool load_staple(mg_gnutls_context *ctx, mg_side_outcome *why)
{
    const mg_side_config *c = &ctx->config;
    if (!c->ocsp_file || c->role != MG_ROLE_SERVER) return true;
    int rc = gnutls_load_file(c->ocsp_file, &ctx->ocsp_response);
    if (rc >= 0)
        rc = gnutls_certificate_set_ocsp_status_request_function2(ctx->creds, 0, staple,
                                                                  &ctx->ocsp_response);
    return rc >= 0 || refuse(why, "OCSP response", c->ocsp_file, rc);
}

/* GnuTLS's limit counts the certificates the peer sends; max_depth counts the issuers above
 * the leaf (as OpenSSL's verify depth does), so a chain sent without its root fits in
 * max_depth + 1. Key sizes: 16384 bits, GnuTLS's own default. */
#define MG_GNUTLS_MAX_KEY_BITS 16384

MG_RESULT mg_gnutls_load_credentials(mg_gnutls_context *ctx, mg_side_outcome *why, bool *loaded)
{
    int rc = gnutls_certificate_allocate_credentials(&ctx->creds);
    MG_ENSURE(rc >= 0, MG_E_INTERNAL, "gnutls: allocating credentials: %s", gnutls_strerror(rc));
    /* strict: the verification flags that add checks (no version-1 CA certificates even as
     * trust anchors; RSA-PSS salts as long as the digest, RFC 8446 4.2.3). */
    if (ctx->config.policy == MG_POLICY_STRICT)
        gnutls_certificate_set_verify_flags(ctx->creds, GNUTLS_VERIFY_DO_NOT_ALLOW_X509_V1_CA_CRT |
                                                            GNUTLS_VERIFY_RSA_PSS_FIXED_SALT_LENGTH);
    if (ctx->config.skip_key_check)
        gnutls_certificate_set_flags(ctx->creds, GNUTLS_CERTIFICATE_SKIP_KEY_CERT_MATCH);
    if (ctx->config.max_depth > 0)
        gnutls_certificate_set_verify_limits(ctx->creds, MG_GNUTLS_MAX_KEY_BITS,
                                             (unsigned)ctx->config.max_depth + 1);
    *loaded = mg_gnutls_load_key_pair(ctx, why) && load_trust(ctx, why) && load_staple(ctx, why);
    if (*loaded && ctx->config.crl_file && ctx->config.policy == MG_POLICY_STRICT)
        MG_GUARD(mg_gnutls_load_crl_list(ctx));
    return MG_OK;
}
