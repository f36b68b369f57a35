/* The x509 entry (x509_read.h) through what an NSS server reads of a client's certificate:
 * CERT_DecodeDERCertificate (the parse alone), then CERT_NewTempCertificate (the parse into
 * the store, as the handshake's certificate message makes it), every extension's decoder, the
 * names, the host and IP checks, the public key, and CERT_VerifyCertificate against the
 * fixture CAs at the fixture time for both TLS usages. */
#include "nss_fuzz.h"

#include "x509_read.h"

#include "fixture_nss.h"

#include <certdb.h>
#include <keyhi.h>

#include <limits.h>

static void read_general_names(PLArenaPool *arena, CERTCertificate *cert)
{
    SECItem value = {siBuffer, NULL, 0};
    CERTGeneralName *names = NULL;
    if (CERT_FindCertExtension(cert, SEC_OID_X509_SUBJECT_ALT_NAME, &value) == SECSuccess) {
        names = CERT_DecodeAltNameExtension(arena, &value);
        SECITEM_FreeItem(&value, PR_FALSE);
    }
    CERTNameConstraints *constraints = NULL;
    /* The certificate's own names against its own constraints, as a CA's are checked. */
    if (CERT_FindNameConstraintsExten(arena, cert, &constraints) == SECSuccess &&
        constraints != NULL && names != NULL)
        (void)CERT_CheckNameSpace(arena, constraints, names);
}

static void read_extensions(PLArenaPool *arena, CERTCertificate *cert)
{
    SECItem value = {siBuffer, NULL, 0};
    if (CERT_FindCertExtension(cert, SEC_OID_X509_EXT_KEY_USAGE, &value) == SECSuccess) {
        CERT_DestroyOidSequence(CERT_DecodeOidSequence(&value));
        SECITEM_FreeItem(&value, PR_FALSE);
    }
    if (CERT_FindCertExtension(cert, SEC_OID_X509_CERTIFICATE_POLICIES, &value) == SECSuccess) {
        CERTCertificatePolicies *policies = CERT_DecodeCertificatePoliciesExtension(&value);
        if (policies != NULL) CERT_DestroyCertificatePoliciesExtension(policies);
        SECITEM_FreeItem(&value, PR_FALSE);
    }
    if (CERT_FindCertExtension(cert, SEC_OID_X509_CRL_DIST_POINTS, &value) == SECSuccess) {
        (void)CERT_DecodeCRLDistributionPoints(arena, &value);
        SECITEM_FreeItem(&value, PR_FALSE);
    }
    if (CERT_FindCertExtension(cert, SEC_OID_X509_AUTH_INFO_ACCESS, &value) == SECSuccess) {
        (void)CERT_DecodeAuthInfoAccessExtension(arena, &value);
        SECITEM_FreeItem(&value, PR_FALSE);
    }
    if (CERT_FindSubjectKeyIDExtension(cert, &value) == SECSuccess)
        SECITEM_FreeItem(&value, PR_FALSE);
    if (CERT_FindCertExtension(cert, SEC_OID_X509_AUTH_KEY_ID, &value) == SECSuccess) {
        (void)CERT_DecodeAuthKeyID(arena, &value);
        SECITEM_FreeItem(&value, PR_FALSE);
    }
    if (CERT_FindKeyUsageExtension(cert, &value) == SECSuccess) SECITEM_FreeItem(&value, PR_FALSE);
    if (CERT_FindCertExtension(cert, SEC_OID_X509_BASIC_CONSTRAINTS, &value) == SECSuccess) {
        CERTBasicConstraints basic;
        (void)CERT_DecodeBasicConstraintValue(&basic, &value);
        SECITEM_FreeItem(&value, PR_FALSE);
    }
    unsigned int ca_type = 0;
    (void)CERT_IsCACert(cert, &ca_type);
    read_general_names(arena, cert);
}

static void read_names_and_key(CERTCertificate *cert)
{
    char *text = CERT_NameToAscii(&cert->subject);
    PORT_Free(text);
    text = CERT_NameToAscii(&cert->issuer);
    PORT_Free(text);
    text = CERT_GetCommonName(&cert->subject);
    PORT_Free(text);
    (void)CERT_GetFirstEmailAddress(cert);
    (void)CERT_VerifyCertName(cert, MG_FUZZ_HOST);
    (void)CERT_VerifyCertName(cert, MG_FUZZ_IP);
    PRTime not_before, not_after;
    (void)CERT_GetCertTimes(cert, &not_before, &not_after);
    (void)CERT_CheckCertValidTimes(cert, mg_fixture_nss_time(), PR_FALSE);
    SECKEYPublicKey *key = CERT_ExtractPublicKey(cert);
    if (key != NULL) {
        (void)SECKEY_PublicKeyStrengthInBits(key);
        SECKEY_DestroyPublicKey(key);
    }
}

static void verify(CERTCertificate *cert)
{
    static const SECCertificateUsage usages[] = {certificateUsageSSLClient,
                                                 certificateUsageSSLServer};
    for (size_t i = 0; i < sizeof usages / sizeof *usages; i++) {
        SECCertificateUsage returned = 0;
        (void)CERT_VerifyCertificate(CERT_GetDefaultCertDB(), cert, PR_TRUE, usages[i],
                                     mg_fixture_nss_time(), NULL, NULL, &returned);
    }
}

void mg_fuzz_nss_x509(const uint8_t *data, size_t size)
{
    if (size > UINT_MAX) return;
    mg_fixture_nss_init();
    CERTCertificate *decoded = mg_fixture_nss_decode(data, size);
    if (decoded != NULL) CERT_DestroyCertificate(decoded);
    SECItem der = {siBuffer, (unsigned char *)(uintptr_t)data, (unsigned int)size};
    CERTCertificate *cert =
        CERT_NewTempCertificate(CERT_GetDefaultCertDB(), &der, NULL, PR_FALSE, PR_TRUE);
    if (cert == NULL) return;
    PLArenaPool *arena = PORT_NewArena(DER_DEFAULT_CHUNKSIZE);
    if (arena != NULL) {
        read_extensions(arena, cert);
        PORT_FreeArena(arena, PR_FALSE);
    }
    read_names_and_key(cert);
    verify(cert);
    CERT_DestroyCertificate(cert);
}
