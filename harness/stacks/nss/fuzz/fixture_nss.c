#include "fixture_nss.h"

#include "fixture.h"
#include "fuzz_require.h"
#include "temp_file.h"

#include <certdb.h>

#include <limits.h>
#include <string.h>

static CERTCertList *cas;
static mg_nss_ders ca_ders, server_chain;

/* The backend reads PEM only from files (nss_files.c): the fixture text goes through one. */
static void read_pem(const char *name, const char *pem, mg_nss_ders *out)
{
    const char *path = mg_fuzz_temp_file(name, (const uint8_t *)pem, strlen(pem));
    mg_fuzz_check(path != NULL, "cannot write the fixture's certificates to a file");
    mg_side_outcome why = {0};
    mg_fuzz_require(mg_nss_read_certs(path, out, &why));
    mg_fuzz_check(!mg_nss_refused(&why) && out->count > 0, "NSS cannot read the fixture");
}

void mg_fixture_nss_init(void)
{
    if (cas != NULL) return;
    mg_fuzz_require(mg_nss_init());
    read_pem("fixture-cas.pem", mg_fixture_ca_bundle_pem, &ca_ders);
    read_pem("fixture-server.pem", mg_fixture_server_chain_pem, &server_chain);
    mg_fuzz_require(mg_nss_temp_certs(&ca_ders, &cas));
    static const CERTCertTrust trusted_ca = {
        CERTDB_VALID_CA | CERTDB_TRUSTED_CA | CERTDB_TRUSTED_CLIENT_CA, 0, 0};
    for (CERTCertListNode *n = CERT_LIST_HEAD(cas); !CERT_LIST_END(n, cas);
         n = CERT_LIST_NEXT(n)) {
        CERTCertTrust copy = trusted_ca;
        (void)CERT_ChangeCertTrust(CERT_GetDefaultCertDB(), n->cert, &copy);
    }
}

CERTCertList *mg_fixture_nss_cas(void)
{
    mg_fixture_nss_init();
    return cas;
}

const mg_nss_ders *mg_fixture_nss_server_chain(void)
{
    mg_fixture_nss_init();
    return &server_chain;
}

/* Declared by no installed header. */
extern CERTCertificate *__CERT_DecodeDERCertificate(SECItem *der, PRBool copy, char *nickname);

CERTCertificate *mg_fixture_nss_decode(const uint8_t *der, size_t len)
{
    if (len > UINT_MAX) return NULL;
    SECItem item = {siBuffer, (unsigned char *)(uintptr_t)der, (unsigned int)len};
    return __CERT_DecodeDERCertificate(&item, PR_TRUE, NULL);
}

PRTime mg_fixture_nss_time(void)
{
    return (PRTime)mg_fixture_time * PR_USEC_PER_SEC;
}
