#include "openssl_fuzz.h"
#include "x509_read.h"

#include "fixture_openssl.h"
#include "x509_view_openssl.h"

#include <limits.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

/* Extensions read only through their decoders (the view reads EKU, SAN, BC and KU). */
static const int decoded_extensions[] = {
    NID_name_constraints,     NID_certificate_policies, NID_policy_constraints,
    NID_inhibit_any_policy,   NID_policy_mappings,      NID_crl_distribution_points,
    NID_info_access,          NID_authority_key_identifier, NID_subject_key_identifier,
    NID_tlsfeature,           NID_ct_precert_scts,
};

static void decode_and_free(X509 *cert, int nid)
{
    void *ext = X509_get_ext_d2i(cert, nid, NULL, NULL);
    const X509V3_EXT_METHOD *method = X509V3_EXT_get_nid(nid);
    if (ext == NULL || method == NULL) return;
    if (method->it != NULL) ASN1_item_free(ext, ASN1_ITEM_ptr(method->it));
    else if (method->ext_free != NULL) method->ext_free(ext);
}

static void read_names(X509 *cert)
{
    int crit;
    NAME_CONSTRAINTS *nc = X509_get_ext_d2i(cert, NID_name_constraints, &crit, NULL);
    if (nc != NULL) {
        (void)NAME_CONSTRAINTS_check(cert, nc); /* its own names against its own constraints */
        (void)NAME_CONSTRAINTS_check_CN(cert, nc);
        NAME_CONSTRAINTS_free(nc);
    }
    (void)X509_check_host(cert, MG_FUZZ_HOST, 0, 0, NULL);
    (void)X509_check_host(cert, MG_FUZZ_HOST, 0, X509_CHECK_FLAG_NEVER_CHECK_SUBJECT, NULL);
    (void)X509_check_email(cert, MG_FUZZ_EMAIL, 0, 0);
    (void)X509_check_ip_asc(cert, MG_FUZZ_IP, 0);
    (void)X509_NAME_hash_ex(X509_get_subject_name(cert), NULL, NULL, NULL);
}

static void read_cached_flags(X509 *cert)
{
    (void)X509_get_extension_flags(cert); /* fills the cache verification reads */
    (void)X509_get_key_usage(cert);
    (void)X509_get_extended_key_usage(cert);
    (void)X509_get_pathlen(cert);
    (void)X509_check_ca(cert);
    for (int id = X509_PURPOSE_MIN; id <= X509_PURPOSE_MAX; id++) {
        (void)X509_check_purpose(cert, id, 0);
        (void)X509_check_purpose(cert, id, 1);
    }
    int mdnid, pknid, secbits;
    uint32_t flags;
    (void)X509_get_signature_info(cert, &mdnid, &pknid, &secbits, &flags);
    EVP_PKEY_free(X509_get_pubkey(cert));
}

static void verify_against_fixture(X509 *cert)
{
    X509_STORE_CTX *ctx = X509_STORE_CTX_new();
    if (ctx == NULL) return;
    if (X509_STORE_CTX_init(ctx, mg_fixture_openssl_ca_store(), cert, NULL) == 1) {
        X509_STORE_CTX_set_purpose(ctx, X509_PURPOSE_SSL_CLIENT);
        (void)X509_verify_cert(ctx);
    }
    X509_STORE_CTX_free(ctx);
}

static void print_all(X509 *cert)
{
    BIO *sink = mg_fixture_openssl_sink();
    X509_print_ex(sink, cert, XN_FLAG_RFC2253, 0);
    X509_NAME_print_ex(sink, X509_get_issuer_name(cert), 0, XN_FLAG_ONELINE);
    char line[256];
    X509_NAME_oneline(X509_get_subject_name(cert), line, sizeof line);
    unsigned char *der = NULL;
    int len = i2d_X509(cert, &der);
    if (len > 0) OPENSSL_free(der);
}

void mg_fuzz_openssl_x509(const uint8_t *data, size_t size)
{
    const unsigned char *p = data;
    X509 *cert = size <= LONG_MAX ? d2i_X509(NULL, &p, (long)size) : NULL;
    if (cert != NULL) {
        mg_x509_view view = {0};
        mg_x509_view_from_openssl(cert, &view);
        mg_x509_view_free(&view);
        for (size_t i = 0; i < sizeof decoded_extensions / sizeof *decoded_extensions; i++)
            decode_and_free(cert, decoded_extensions[i]);
        read_cached_flags(cert);
        read_names(cert);
        print_all(cert);
        verify_against_fixture(cert);
    }
    X509_free(cert);
    ERR_clear_error();
}
