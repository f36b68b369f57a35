/* The trust anchors of a context, alive only while one of its sessions judges a peer. Both
 * policies verify with NSS's classic verifier (nss_auth.c), which trusts what the certificates'
 * trust flags say; those flags are process-wide, so they are set with CERT_ChangeCertTrust just
 * before and cleared just after that one call, and another context's anchors are never trusted
 * by it (tests/nss_trust_test.c holds the backend to that). */
#include "nss_internal.h"

#include <certdb.h>

static const CERTCertTrust mg_nss_trusted_ca = {
    CERTDB_VALID_CA | CERTDB_TRUSTED_CA | CERTDB_TRUSTED_CLIENT_CA, 0, 0};
/* An anchor that is not a CA (a pinned self-signed leaf) is trusted as a peer, as certutil's
 * "P" flag does: CA trust would make the verifier judge it as its own issuer and refuse it
 * (SEC_ERROR_CA_CERT_INVALID), where cert_CheckLeafTrust accepts a terminal trusted record. */
static const CERTCertTrust mg_nss_trusted_peer = {
    CERTDB_TERMINAL_RECORD | CERTDB_TRUSTED, 0, 0};
static const CERTCertTrust mg_nss_no_trust = {0, 0, 0};

static void set_trust(CERTCertList *certs, bool trusted)
{
    for (CERTCertListNode *n = CERT_LIST_HEAD(certs); !CERT_LIST_END(n, certs);
         n = CERT_LIST_NEXT(n)) {
        unsigned int ca_type = 0;
        CERTCertTrust copy = !trusted                            ? mg_nss_no_trust
                             : CERT_IsCACert(n->cert, &ca_type) ? mg_nss_trusted_ca
                                                                 : mg_nss_trusted_peer;
        (void)CERT_ChangeCertTrust(CERT_GetDefaultCertDB(), n->cert, &copy);
    }
}

MG_RESULT mg_nss_anchors_open(const mg_context *ctx, bool set_flags, mg_nss_anchors *out)
{
    *out = (mg_nss_anchors){NULL, false};
    MG_GUARD(mg_nss_temp_certs(&ctx->anchors, &out->certs));
    if (set_flags) {
        set_trust(out->certs, true);
        out->flags_set = true;
    }
    return MG_OK;
}

void mg_nss_anchors_close(mg_nss_anchors *anchors)
{
    if (!anchors->certs) return;
    if (anchors->flags_set) set_trust(anchors->certs, false);
    CERT_DestroyCertList(anchors->certs);
    *anchors = (mg_nss_anchors){NULL, false};
}
