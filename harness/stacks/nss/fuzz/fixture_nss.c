#define _GNU_SOURCE /* memfd_create */
#include "fixture_nss.h"

#include "fixture.h"
#include "fuzz_require.h"

#include <certdb.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static CERTCertList *cas;
static mg_nss_ders ca_ders, server_chain;

/* The backend reads PEM only from files (nss_files.c): the fixture text goes through an
 * anonymous memory file, named by its /proc/self/fd path, so that nothing is left on disk
 * even when the target stops on a finding. */
static void read_pem(const char *name, const char *pem, mg_nss_ders *out)
{
    int fd = memfd_create(name, MFD_CLOEXEC);
    size_t len = strlen(pem);
    mg_fuzz_check(fd >= 0 && write(fd, pem, len) == (ssize_t)len,
                  "cannot write the fixture's certificates to a memory file");
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    mg_side_outcome why = {0};
    mg_fuzz_require(mg_nss_read_certs(path, out, &why));
    close(fd);
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
