/* CRLs for one verification. CERT_CacheCRL puts a CRL into NSS's process-wide CRL cache
 * (lib/certdb/crl.c, no database needed), which both verifiers consult; so a strict session
 * caches its context's CRLs just before it judges a peer and takes them out just after, and
 * no other context's verification ever sees them. */
#include "nss_internal.h"

MG_RESULT mg_nss_revocation_open(const mg_session *s, CERTCertificate *peer)
{
    (void)peer;
    const mg_context *ctx = s->ctx;
    if (ctx->config.policy != MG_POLICY_STRICT) return MG_OK;
    for (size_t i = 0; i < ctx->crls.count; i++)
        (void)CERT_CacheCRL(CERT_GetDefaultCertDB(), &ctx->crls.items[i]);
    return MG_OK;
}

void mg_nss_revocation_close(const mg_session *s)
{
    const mg_context *ctx = s->ctx;
    if (ctx->config.policy != MG_POLICY_STRICT) return;
    for (size_t i = 0; i < ctx->crls.count; i++)
        (void)CERT_UncacheCRL(CERT_GetDefaultCertDB(), &ctx->crls.items[i]);
}
