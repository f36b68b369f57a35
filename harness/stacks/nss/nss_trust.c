/* The trust anchors of a context, alive only while one of its sessions judges a peer.
 * Strict hands them to CERT_PKIXVerifyCert as its only anchors (cert_pi_trustAnchors), which
 * never looks at trust flags. Minimal uses NSS's default SSL_AuthCertificate, which trusts
 * what the certificates' trust flags say; those flags are process-wide, so they are set with
 * CERT_ChangeCertTrust just before and cleared just after that one call, and another context's
 * anchors are never trusted by it (tests/nss_trust_test.c holds the backend to that). */
#include "nss_internal.h"

#include <certdb.h>

static const CERTCertTrust mg_nss_trusted_ca = {
    CERTDB_VALID_CA | CERTDB_TRUSTED_CA | CERTDB_TRUSTED_CLIENT_CA, 0, 0};
static const CERTCertTrust mg_nss_no_trust = {0, 0, 0};

static void set_trust(CERTCertList *certs, const CERTCertTrust *trust)
{
    for (CERTCertListNode *n = CERT_LIST_HEAD(certs); !CERT_LIST_END(n, certs);
         n = CERT_LIST_NEXT(n)) {
        CERTCertTrust copy = *trust;
        (void)CERT_ChangeCertTrust(CERT_GetDefaultCertDB(), n->cert, &copy);
    }
}

MG_RESULT mg_nss_anchors_open(const mg_context *ctx, bool set_flags, mg_nss_anchors *out)
{
    *out = (mg_nss_anchors){NULL, false};
    MG_GUARD(mg_nss_temp_certs(&ctx->anchors, &out->certs));
    if (set_flags) {
        set_trust(out->certs, &mg_nss_trusted_ca);
        out->flags_set = true;
    }
    return MG_OK;
}

void mg_nss_anchors_close(mg_nss_anchors *anchors)
{
    if (!anchors->certs) return;
    if (anchors->flags_set) set_trust(anchors->certs, &mg_nss_no_trust);
    CERT_DestroyCertList(anchors->certs);
    *anchors = (mg_nss_anchors){NULL, false};
}
