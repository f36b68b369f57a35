/* Temporary certificates made from DER for as long as a list holds them. NSS enters each in
 * its process-wide store and drops it when the last reference goes, so a list destroyed at
 * the end of a session or a verification leaves nothing behind for the next case. */
#include "nss_internal.h"

MG_RESULT mg_nss_temp_certs(const mg_nss_ders *ders, CERTCertList **out)
{
    *out = CERT_NewCertList();
    MG_ENSURE(*out, MG_E_INTERNAL, "nss: CERT_NewCertList failed");
    for (size_t i = 0; i < ders->count; i++) {
        /* One NSS cannot decode is left out: the chain goes on without it. */
        CERTCertificate *cert = CERT_NewTempCertificate(CERT_GetDefaultCertDB(),
                                                        &ders->items[i], NULL, PR_FALSE,
                                                        PR_TRUE);
        if (!cert) continue;
        if (CERT_AddCertToListTail(*out, cert) != SECSuccess) {
            CERT_DestroyCertificate(cert);
            CERT_DestroyCertList(*out);
            *out = NULL;
            return mg_fail(MG_E_INTERNAL, "nss: CERT_AddCertToListTail failed");
        }
    }
    return MG_OK;
}
