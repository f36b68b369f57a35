/* The CA names of a server's CertificateRequest. An NSS server sends the names of a socket's
 * SSL_SetTrustAnchors list, or else the process-wide list of certificates its database trusts
 * as client CAs (lib/ssl/ssl3con.c ssl_GetCertificateRequestCAs); with no database and trust
 * flags set only while a peer is judged (nss_trust.c), that list is empty here, so
 * MG_CA_NAMES_DEFAULT and _NONE send none. MG_CA_NAMES_TRUSTED gives every socket the trust
 * file's subjects, in file order: the anchors are decoded once per context outside NSS's
 * store (__CERT_DecodeDERCertificate: libnss3 exports CERT_DecodeDERCertificate, which cert.h
 * declares, only under that name), so holding them changes no verification
 * (a temporary certificate would be found as an issuer by every context of the process). */
#include "nss_internal.h"

#include <prerror.h>

CERTCertificate *__CERT_DecodeDERCertificate(SECItem *der, PRBool copy, char *nickname);

MG_RESULT mg_nss_read_ca_names(mg_context *ctx, mg_side_outcome *why)
{
    const mg_side_config *cfg = &ctx->config;
    if (cfg->role != MG_ROLE_SERVER || cfg->ca_names != MG_CA_NAMES_TRUSTED) return MG_OK;
    ctx->ca_names = CERT_NewCertList();
    MG_ENSURE(ctx->ca_names, MG_E_INTERNAL, "nss: out of memory for CA names");
    for (size_t i = 0; i < ctx->anchors.count; i++) {
        CERTCertificate *cert = __CERT_DecodeDERCertificate(&ctx->anchors.items[i], PR_TRUE, NULL);
        if (!cert) {
            mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, PR_GetError(),
                                 "NSS cannot decode trusted certificate %zu of %s", i + 1,
                                 cfg->trust_file);
            return MG_OK;
        }
        MG_ENSURE(CERT_AddCertToListTail(ctx->ca_names, cert) == SECSuccess, MG_E_INTERNAL,
                  "nss: out of memory for CA names");
    }
    return MG_OK;
}

MG_RESULT mg_nss_setup_ca_names(mg_session *s, mg_side_outcome *why)
{
    if (!s->ctx->ca_names || CERT_LIST_EMPTY(s->ctx->ca_names)) return MG_OK;
    if (SSL_SetTrustAnchors(s->fd, s->ctx->ca_names) != SECSuccess)
        mg_nss_setup_failure(why, MG_REASON_OTHER, PR_GetError(), "cannot set the CA names");
    return MG_OK;
}
