/* A client holding two credentials answers a CertificateRequest with the one whose chain holds
 * a certificate issued by a CA the server names, and with no certificate when neither does
 * (RFC 8446 4.4.2.3, 4.4.2; RFC 5246 7.4.6), as NSS_GetClientAuthData chooses among a
 * database's certificates (NSS_CmpCertChainWCANames). The choice is made in the client-auth
 * hook (nss_present.c) from the chains' issuer names; an empty list keeps the first. */
#include "nss_internal.h"

#include <pk11pub.h>
#include <prerror.h>

MG_RESULT mg_nss_read_alt_credential(mg_context *ctx, mg_side_outcome *why)
{
    const mg_credential *alt = &ctx->config.alt_credential;
    if (ctx->config.role != MG_ROLE_CLIENT || !alt->cert_file) return MG_OK;
    const mg_memory_file none = {NULL, 0, NULL};
    MG_NSS_STEP(mg_nss_read_own_certs(alt->cert_file, &none, &ctx->alt_chain, why), why);
    SECItem pkcs8;
    MG_NSS_STEP(mg_nss_read_key(alt->key_file, &none, &pkcs8, why), why);
    PK11SlotInfo *slot = PK11_GetInternalSlot();
    SECStatus rv = slot ? PK11_ImportDERPrivateKeyInfoAndReturnKey(
                              slot, &pkcs8, NULL, NULL, PR_FALSE, PR_TRUE, KU_ALL,
                              &ctx->alt_key, NULL)
                        : SECFailure;
    if (slot) PK11_FreeSlot(slot);
    SECITEM_ZfreeItem(&pkcs8, PR_FALSE);
    if (rv != SECSuccess || !ctx->alt_key) {
        ctx->alt_key = NULL;
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, PR_GetError(),
                             "NSS cannot import the private key in %s", alt->key_file);
    }
    return MG_OK;
}

MG_RESULT mg_nss_open_alt(mg_session *s, mg_side_outcome *why)
{
    const mg_context *ctx = s->ctx;
    if (!ctx->alt_chain.count) return MG_OK;
    MG_GUARD(mg_nss_temp_certs(&ctx->alt_chain, &s->alt_certs));
    s->alt_leaf = CERT_NewTempCertificate(CERT_GetDefaultCertDB(), &ctx->alt_chain.items[0], NULL,
                                          PR_FALSE, PR_TRUE);
    if (!s->alt_leaf)
        mg_nss_setup_failure(why, MG_REASON_BAD_CREDENTIAL, PR_GetError(),
                             "NSS cannot decode the second credential's certificate");
    return MG_OK;
}

static bool listed(const SECItem *issuer, const CERTDistNames *names)
{
    for (int i = 0; i < names->nnames; i++)
        if (SECITEM_ItemsAreEqual(issuer, &names->names[i])) return true;
    return false;
}

/* Whether a certificate of the chain (leaf first) has an issuer the server named. */
static bool named(const CERTCertList *chain, const CERTDistNames *names)
{
    for (CERTCertListNode *n = CERT_LIST_HEAD(chain); !CERT_LIST_END(n, chain);
         n = CERT_LIST_NEXT(n))
        if (listed(&n->cert->derIssuer, names)) return true;
    return false;
}

int mg_nss_choose_credential(const mg_session *s, const CERTDistNames *names)
{
    if (!names || names->nnames == 0) return 0;
    if (s->own_certs && named(s->own_certs, names)) return 0;
    if (s->alt_certs && named(s->alt_certs, names)) return 1;
    return -1;
}
