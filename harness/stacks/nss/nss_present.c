/* What this side presents. A server configures its leaf, its key and its chain exactly as the
 * file gives it (SSL_ConfigServerCert with SSLExtraServerCertData.certChain), with the OCSP
 * response to staple. A client answers a CertificateRequest from NSS's client-auth hook
 * (SSL_GetClientAuthDataHook) with its leaf and key; NSS then builds the chain it sends by
 * itself from the certificates it knows (lib/ssl/ssl3con.c, CERT_CertChainFromCert without
 * the root), which are this session's own: the file's order is not kept. */
#include "nss_internal.h"

#include <prerror.h>
#include <secerr.h>

static SECStatus on_client_auth_data(void *arg, PRFileDesc *fd, CERTDistNames *ca_names,
                                     CERTCertificate **cert, SECKEYPrivateKey **key)
{
    (void)fd;
    mg_session *s = arg;
    if (!s->leaf || !s->ctx->key) return SECFailure; /* no credential: send none */
    int chosen = s->alt_leaf ? mg_nss_choose_credential(s, ca_names) : 0;
    if (chosen < 0) return SECFailure; /* none fits the server's CA names: send none */
    *cert = CERT_DupCertificate(chosen ? s->alt_leaf : s->leaf);
    *key = SECKEY_CopyPrivateKey(chosen ? s->ctx->alt_key : s->ctx->key);
    return *key ? SECSuccess : SECFailure;
}

static MG_RESULT chain_list(const mg_nss_ders *ders, CERTCertificateList **out)
{
    *out = NULL;
    PLArenaPool *arena = PORT_NewArena(1024);
    MG_ENSURE(arena, MG_E_INTERNAL, "nss: out of memory for a chain");
    CERTCertificateList *list = PORT_ArenaZNew(arena, CERTCertificateList);
    SECItem *items = PORT_ArenaZNewArray(arena, SECItem, ders->count);
    bool copied = list && items;
    for (size_t i = 0; copied && i < ders->count; i++)
        copied = SECITEM_CopyItem(arena, &items[i], &ders->items[i]) == SECSuccess;
    if (!copied) {
        PORT_FreeArena(arena, PR_FALSE);
        return mg_fail(MG_E_INTERNAL, "nss: out of memory for a chain");
    }
    list->arena = arena;
    list->certs = items;
    list->len = (int)ders->count;
    *out = list;
    return MG_OK;
}

static MG_RESULT configure_server(mg_session *s, mg_side_outcome *why)
{
    const mg_context *ctx = s->ctx;
    CERTCertificateList *chain = NULL;
    MG_GUARD(chain_list(&ctx->own_chain, &chain));
    SECItemArray *staples = NULL;
    if (ctx->ocsp.len) {
        staples = SECITEM_AllocArray(NULL, NULL, 1);
        if (!staples || SECITEM_CopyItem(NULL, &staples->items[0], &ctx->ocsp) != SECSuccess) {
            CERT_DestroyCertificateList(chain);
            if (staples) SECITEM_FreeArray(staples, PR_TRUE);
            return mg_fail(MG_E_INTERNAL, "nss: out of memory for a staple");
        }
    }
    SSLExtraServerCertData extra = {ssl_auth_null, chain, staples, NULL, NULL, NULL};
    SECStatus rv = SSL_ConfigServerCert(s->fd, s->leaf, ctx->key, &extra, sizeof extra);
    PRErrorCode code = PR_GetError();
    CERT_DestroyCertificateList(chain);
    if (staples) SECITEM_FreeArray(staples, PR_TRUE);
    if (rv != SECSuccess)
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, code,
                             "NSS refused the server credential");
    return MG_OK;
}

MG_RESULT mg_nss_setup_own(mg_session *s, mg_side_outcome *why)
{
    const mg_context *ctx = s->ctx;
    bool server = ctx->config.role == MG_ROLE_SERVER;
    if (ctx->own_chain.count) {
        MG_GUARD(mg_nss_temp_certs(&ctx->own_chain, &s->own_certs));
        s->leaf = CERT_NewTempCertificate(CERT_GetDefaultCertDB(), &ctx->own_chain.items[0],
                                          NULL, PR_FALSE, PR_TRUE);
        if (!s->leaf) {
            mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, PR_GetError(),
                                 "NSS cannot decode this side's certificate");
            return MG_OK;
        }
    }
    if (server) {
        if (!s->leaf) {
            mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0, "a server needs a credential");
            return MG_OK;
        }
        return configure_server(s, why);
    }
    if (SSL_GetClientAuthDataHook(s->fd, on_client_auth_data, s) != SECSuccess)
        mg_nss_setup_failure(why, MG_REASON_OTHER, PR_GetError(),
                             "cannot set the client-auth hook");
    return MG_OK;
}
