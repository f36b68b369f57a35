#include "gnutls_fuzz.h"
#include "x509_read.h"

#include "fixture_gnutls.h"
#include "x509_view_gnutls.h"

#include <gnutls/abstract.h>
#include <string.h>

static void read_extensions(gnutls_x509_crt_t crt)
{
    char oid[256];
    for (unsigned i = 0;; i++) {
        size_t size = sizeof oid;
        unsigned critical;
        if (gnutls_x509_crt_get_extension_info(crt, i, oid, &size, &critical) < 0) break;
    }
    unsigned char buf[1024];
    for (unsigned i = 0;; i++) { /* the path the hostname check takes */
        size_t size = sizeof buf;
        unsigned critical;
        int ret = gnutls_x509_crt_get_subject_alt_name(crt, i, buf, &size, &critical);
        if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE || (ret < 0 && i > 64)) break;
    }
    gnutls_datum_t datum = {NULL, 0};
    size_t size = sizeof buf;
    (void)gnutls_x509_crt_get_subject_key_id(crt, buf, &size, NULL);
    size = sizeof buf;
    (void)gnutls_x509_crt_get_authority_key_id(crt, buf, &size, NULL);
    for (unsigned i = 0; i < 64; i++) {
        struct gnutls_x509_policy_st policy;
        if (gnutls_x509_crt_get_policy(crt, i, &policy, NULL) < 0) break;
        gnutls_x509_policy_release(&policy);
    }
    for (unsigned i = 0; i < 64; i++) {
        size = sizeof buf;
        unsigned reasons;
        if (gnutls_x509_crt_get_crl_dist_points(crt, i, buf, &size, &reasons, NULL) < 0) break;
    }
    for (unsigned i = 0; i < 64; i++) {
        if (gnutls_x509_crt_get_authority_info_access(crt, i, GNUTLS_IA_URI, &datum, NULL) < 0)
            break;
        gnutls_free(datum.data);
        datum.data = NULL;
    }
}

static void read_names(gnutls_x509_crt_t crt)
{
    gnutls_x509_name_constraints_t nc;
    if (gnutls_x509_name_constraints_init(&nc) >= 0) {
        if (gnutls_x509_crt_get_name_constraints(crt, nc, 0, NULL) >= 0) {
            static const unsigned types[] = {GNUTLS_SAN_DNSNAME, GNUTLS_SAN_RFC822NAME,
                                             GNUTLS_SAN_IPADDRESS, GNUTLS_SAN_DN};
            for (size_t i = 0; i < sizeof types / sizeof *types; i++)
                (void)gnutls_x509_name_constraints_check_crt(nc, types[i], crt);
        }
        gnutls_x509_name_constraints_deinit(nc);
    }
    (void)gnutls_x509_crt_check_hostname2(crt, MG_FUZZ_HOST, 0);
    (void)gnutls_x509_crt_check_hostname2(crt, MG_FUZZ_IP, 0);
    (void)gnutls_x509_crt_check_email(crt, MG_FUZZ_EMAIL, 0);
    static const unsigned char ip[4] = {127, 0, 0, 1};
    (void)gnutls_x509_crt_check_ip(crt, ip, sizeof ip, 0);
    (void)gnutls_x509_crt_check_key_purpose(crt, GNUTLS_KP_TLS_WWW_CLIENT, 0);
}

static void print_all(gnutls_x509_crt_t crt)
{
    gnutls_datum_t out = {NULL, 0};
    if (gnutls_x509_crt_print(crt, GNUTLS_CRT_PRINT_FULL, &out) >= 0) gnutls_free(out.data);
    out.data = NULL;
    if (gnutls_x509_crt_get_dn3(crt, &out, 0) >= 0) gnutls_free(out.data);
    out.data = NULL;
    if (gnutls_x509_crt_get_issuer_dn3(crt, &out, 0) >= 0) gnutls_free(out.data);
    out.data = NULL;
    if (gnutls_x509_crt_export2(crt, GNUTLS_X509_FMT_DER, &out) >= 0) gnutls_free(out.data);
    gnutls_pubkey_t key;
    if (gnutls_pubkey_init(&key) >= 0) {
        (void)gnutls_pubkey_import_x509(key, crt, 0);
        gnutls_pubkey_deinit(key);
    }
}

static void verify_against_fixture(gnutls_x509_crt_t crt)
{
    gnutls_typed_vdata_st purpose = {GNUTLS_DT_KEY_PURPOSE_OID,
                                     (unsigned char *)GNUTLS_KP_TLS_WWW_CLIENT, 0};
    unsigned status = 0;
    (void)gnutls_x509_trust_list_verify_crt2(mg_fixture_gnutls_ca_list(), &crt, 1, &purpose, 1,
                                             0, &status, NULL);
}

void mg_fuzz_gnutls_x509(const uint8_t *data, size_t size)
{
    gnutls_x509_crt_t crt;
    if (size > UINT32_MAX || gnutls_x509_crt_init(&crt) < 0) return;
    gnutls_datum_t der = {(unsigned char *)data, (unsigned)size};
    if (gnutls_x509_crt_import(crt, &der, GNUTLS_X509_FMT_DER) >= 0) {
        mg_x509_view view = {0};
        mg_x509_view_from_gnutls(crt, &view);
        mg_x509_view_free(&view);
        read_extensions(crt);
        read_names(crt);
        print_all(crt);
        verify_against_fixture(crt);
    }
    gnutls_x509_crt_deinit(crt);
}
