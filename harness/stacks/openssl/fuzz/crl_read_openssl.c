#include "openssl_fuzz.h"
#include "revocation_read.h"

#include "fixture.h"
#include "fixture_openssl.h"

#include <limits.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

static void read_entries(X509_CRL *crl)
{
    STACK_OF(X509_REVOKED) *revoked = X509_CRL_get_REVOKED(crl);
    for (int i = 0; i < sk_X509_REVOKED_num(revoked); i++) {
        X509_REVOKED *entry = sk_X509_REVOKED_value(revoked, i);
        (void)ASN1_INTEGER_get(X509_REVOKED_get0_serialNumber(entry));
        ASN1_ENUMERATED_free(X509_REVOKED_get_ext_d2i(entry, NID_crl_reason, NULL, NULL));
        ASN1_GENERALIZEDTIME_free(X509_REVOKED_get_ext_d2i(entry, NID_invalidity_date, NULL, NULL));
        GENERAL_NAMES_free(X509_REVOKED_get_ext_d2i(entry, NID_certificate_issuer, NULL, NULL));
    }
    ASN1_INTEGER_free(X509_CRL_get_ext_d2i(crl, NID_crl_number, NULL, NULL));
    ASN1_INTEGER_free(X509_CRL_get_ext_d2i(crl, NID_delta_crl, NULL, NULL));
    ISSUING_DIST_POINT_free(X509_CRL_get_ext_d2i(crl, NID_issuing_distribution_point, NULL, NULL));
    AUTHORITY_KEYID_free(X509_CRL_get_ext_d2i(crl, NID_authority_key_identifier, NULL, NULL));
    time_t now = (time_t)mg_fixture_time;
    (void)X509_cmp_time(X509_CRL_get0_lastUpdate(crl), &now);
    if (X509_CRL_get0_nextUpdate(crl) != NULL)
        (void)X509_cmp_time(X509_CRL_get0_nextUpdate(crl), &now);
}

/* Verifies each fixture CA the CRL's issuer issued, with this CRL as the only one: the path
 * a chain check with CRLs on takes (issuer match, IDP, reasons, critical extensions). */
static void check_with_crl(X509_CRL *crl)
{
    STACK_OF(X509_OBJECT) *objects = X509_STORE_get0_objects(mg_fixture_openssl_ca_store());
    STACK_OF(X509_CRL) *crls = sk_X509_CRL_new_null();
    if (crls == NULL || !sk_X509_CRL_push(crls, crl)) goto done;
    for (int i = 0; i < sk_X509_OBJECT_num(objects); i++) {
        X509 *cert = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objects, i));
        if (cert == NULL ||
            X509_NAME_cmp(X509_get_issuer_name(cert), X509_CRL_get_issuer(crl)) != 0)
            continue;
        EVP_PKEY *issuer_key = NULL;
        X509_STORE_CTX *ctx = X509_STORE_CTX_new();
        if (ctx != NULL &&
            X509_STORE_CTX_init(ctx, mg_fixture_openssl_ca_store(), cert, NULL) == 1) {
            X509_STORE_CTX_set0_crls(ctx, crls);
            X509_STORE_CTX_set_flags(ctx, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_EXTENDED_CRL_SUPPORT);
            (void)X509_verify_cert(ctx);
            X509 *issuer = X509_STORE_CTX_get0_current_issuer(ctx);
            issuer_key = issuer ? X509_get_pubkey(issuer) : NULL;
        }
        if (issuer_key != NULL) (void)X509_CRL_verify(crl, issuer_key);
        EVP_PKEY_free(issuer_key);
        X509_STORE_CTX_free(ctx);
    }
done:
    sk_X509_CRL_free(crls);
}

void mg_fuzz_openssl_crl(const uint8_t *data, size_t size)
{
    const unsigned char *p = data;
    X509_CRL *crl = size <= LONG_MAX ? d2i_X509_CRL(NULL, &p, (long)size) : NULL;
    if (crl != NULL) {
        read_entries(crl);
        X509_CRL_print_ex(mg_fixture_openssl_sink(), crl, XN_FLAG_RFC2253);
        ASN1_INTEGER *serial = ASN1_INTEGER_new();
        X509_REVOKED *hit;
        if (serial != NULL && ASN1_INTEGER_set(serial, 2) == 1)
            (void)X509_CRL_get0_by_serial(crl, &hit, serial);
        ASN1_INTEGER_free(serial);
        check_with_crl(crl);
    }
    X509_CRL_free(crl);
    ERR_clear_error();
}
