/* The crl entry (revocation_read.h) through NSS's two CRL paths: CERT_DecodeDERCrlWithFlags
 * (every field, entry and extension, then the signature against each fixture CA whose subject
 * is the CRL's issuer, at the fixture time), and the CRL cache a verification consults:
 * CERT_CacheCRL, SEC_FindCrlByName, a verification of the fixture's server chain that
 * consults the cache (libnss3 does not export CERT_CheckCRL), and CERT_UncacheCRL, so no
 * input's CRL is left for the next. */
#include "nss_fuzz.h"

#include "revocation_read.h"

#include "fixture_nss.h"
#include "fuzz_require.h"

#include <certdb.h>
#include <secder.h>

#include <limits.h>
#include <string.h>

static void read_entries(PLArenaPool *arena, CERTSignedCrl *signed_crl)
{
    CERTCrl *crl = &signed_crl->crl;
    PRTime at;
    (void)DER_DecodeTimeChoice(&at, &crl->lastUpdate);
    if (crl->nextUpdate.data != NULL) (void)DER_DecodeTimeChoice(&at, &crl->nextUpdate);
    SECItem number = {siBuffer, NULL, 0};
    (void)CERT_FindCRLNumberExten(arena, crl, &number);
    char *issuer = CERT_NameToAscii(&crl->name);
    PORT_Free(issuer);
    for (CERTCrlEntry **entry = crl->entries; entry != NULL && *entry != NULL; entry++) {
        CERTCRLEntryReasonCode reason;
        (void)CERT_FindCRLEntryReasonExten(*entry, &reason);
        (void)DER_DecodeTimeChoice(&at, &(*entry)->revocationDate);
    }
}

static void check_signature(CERTSignedCrl *crl)
{
    CERTCertList *cas = mg_fixture_nss_cas();
    for (CERTCertListNode *n = CERT_LIST_HEAD(cas); !CERT_LIST_END(n, cas); n = CERT_LIST_NEXT(n))
        if (SECITEM_ItemsAreEqual(&n->cert->derSubject, &crl->crl.derName))
            (void)CERT_VerifySignedData(&crl->signatureWrap, n->cert, mg_fixture_nss_time(), NULL);
}

/* The cache as a verification reads it: the CRL found by its issuer's name, its times,
 * and the fixture's server chain verified at the fixture time, which checks each certificate
 * against its issuer's cached CRLs (the classic verifier's revocation check). */
static void look_up(SECItem *issuer_name)
{
    CERTSignedCrl *cached =
        issuer_name != NULL ? SEC_FindCrlByName(CERT_GetDefaultCertDB(), issuer_name, SEC_CRL_TYPE)
                            : NULL;
    if (cached != NULL) {
        (void)SEC_CheckCrlTimes(&cached->crl, mg_fixture_nss_time());
        SEC_DestroyCrl(cached);
    }
    CERTCertList *chain = NULL;
    mg_fuzz_require(mg_nss_temp_certs(mg_fixture_nss_server_chain(), &chain));
    if (!CERT_LIST_EMPTY(chain)) {
        SECCertificateUsage returned = 0;
        (void)CERT_VerifyCertificate(CERT_GetDefaultCertDB(), CERT_LIST_HEAD(chain)->cert,
                                     PR_TRUE, certificateUsageSSLServer, mg_fixture_nss_time(),
                                     NULL, NULL, &returned);
    }
    CERT_DestroyCertList(chain);
}

void mg_fuzz_nss_crl(const uint8_t *data, size_t size)
{
    if (size > UINT_MAX) return;
    mg_fixture_nss_init();
    /* Both paths keep pointers into the DER, so it is a copy NSS may hold. */
    SECItem *der = SECITEM_AllocItem(NULL, NULL, (unsigned int)size);
    if (der == NULL) return;
    if (size > 0) memcpy(der->data, data, size);
    CERTSignedCrl *crl = CERT_DecodeDERCrlWithFlags(NULL, der, SEC_CRL_TYPE,
                                                    CRL_DECODE_DEFAULT_OPTIONS);
    if (crl != NULL) {
        read_entries(crl->arena, crl);
        check_signature(crl);
    }
    if (CERT_CacheCRL(CERT_GetDefaultCertDB(), der) == SECSuccess) {
        look_up(crl != NULL ? &crl->crl.derName : NULL);
        (void)CERT_UncacheCRL(CERT_GetDefaultCertDB(), der);
    }
    if (crl != NULL) SEC_DestroyCrl(crl);
    SECITEM_FreeItem(der, PR_TRUE);
}
