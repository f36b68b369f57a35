/* The x509 entry (x509_read.h) through both of wolfSSL's readers: the compatibility layer's
 * WOLFSSL_X509 (every field an application reads, the name checks, printing, re-encoding) and
 * the certificate manager, whose ParseCertRelative is the path a handshake takes (signature,
 * dates, constraints, name constraints against the fixture CAs at the fixture time). */
#include "wolfssl_fuzz.h"

#include "x509_read.h"

#include "fixture_wolfssl.h"

#include <wolfssl/openssl/x509v3.h>

#include <limits.h>

static void read_extensions(WOLFSSL_X509 *x)
{
    (void)wolfSSL_X509_get_key_usage(x);
    (void)wolfSSL_X509_get_extended_key_usage(x);
    (void)wolfSSL_X509_get_isCA(x);
    (void)wolfSSL_X509_get_pathLength(x);
    int crit = 0;
    wolfSSL_GENERAL_NAMES_free(wolfSSL_X509_get_ext_d2i(x, NID_subject_alt_name, &crit, NULL));
    wolfSSL_BASIC_CONSTRAINTS_free(wolfSSL_X509_get_ext_d2i(x, NID_basic_constraints, &crit, NULL));
    wolfSSL_AUTHORITY_KEYID_free(
        wolfSSL_X509_get_ext_d2i(x, NID_authority_key_identifier, &crit, NULL));
    /* Not the subject key identifier: wolfSSL 5.5.4 hands it out as a stack of one
     * ASN1_OBJECT (src/x509.c wolfSSL_X509_get_ext_d2i, SUBJ_KEY_OID); its bytes are read by
     * the certificate manager's parse below. */
    /* Not the per-extension calls (see MG_WOLF_FUZZ_SET_EXT_FIXED). */
    (void)wolfSSL_X509_get_ext_count(x);
}

/* wolfSSL 5.5.4's wolfSSL_X509_set_ext (src/x509.c), which wolfSSL_X509_get_ext,
 * _get0_extensions and wolfSSL_X509_print call, frees an ASN1_OBJECT twice when it meets a
 * critical extension it has no case for (nameConstraints, policyConstraints): reproducers and
 * the report in fuzz/findings/x509_wolfssl/ (the matrix's client-ca-nc and
 * client-ca-require-policy as they are). Every seed run would stop there, so the entry leaves
 * those calls out until wolfSSL is fixed. */
#define MG_WOLF_FUZZ_SET_EXT_FIXED 0

/* wolfSSL 5.5.4's MatchDomainName (src/internal.c), which wolfSSL_X509_check_host and a
 * client's host check call, reads past the end of the host name when a wildcard's scan reaches
 * the name's end with pattern left (SAN *.*.server.test against server.test: the matrix's
 * server-san-wildcard-multi as it is); upstream rewrote it with explicit lengths after 5.5.4
 * (pull request 7604). The instrumented build stops on it at the first seeds, so the entry
 * leaves the host check out until wolfSSL is fixed: fuzz/findings/x509_wolfssl/REPORT.md. */
#define MG_WOLF_FUZZ_MATCH_DOMAIN_FIXED 0

static void read_names_and_key(WOLFSSL_X509 *x)
{
    if (MG_WOLF_FUZZ_MATCH_DOMAIN_FIXED)
        (void)wolfSSL_X509_check_host(x, MG_FUZZ_HOST, sizeof MG_FUZZ_HOST - 1, 0, NULL);
    (void)wolfSSL_X509_check_email(x, MG_FUZZ_EMAIL, sizeof MG_FUZZ_EMAIL - 1, 0);
    (void)wolfSSL_X509_check_ip_asc(x, MG_FUZZ_IP, 0);
    char buf[256];
    (void)wolfSSL_X509_NAME_oneline(wolfSSL_X509_get_subject_name(x), buf, sizeof buf);
    (void)wolfSSL_X509_NAME_oneline(wolfSSL_X509_get_issuer_name(x), buf, sizeof buf);
    WOLFSSL_EVP_PKEY *key = wolfSSL_X509_get_pubkey(x);
    wolfSSL_EVP_PKEY_free(key);
    WOLFSSL_BIO *bio = MG_WOLF_FUZZ_SET_EXT_FIXED ? wolfSSL_BIO_new(wolfSSL_BIO_s_mem()) : NULL;
    if (bio != NULL) {
        (void)wolfSSL_X509_print(bio, x);
        wolfSSL_BIO_free(bio);
    }
    unsigned char *der = NULL;
    int len = wolfSSL_i2d_X509(x, &der);
    if (len > 0) XFREE(der, NULL, DYNAMIC_TYPE_OPENSSL);
}

void mg_fuzz_wolfssl_x509(const uint8_t *data, size_t size)
{
    if (size > INT_MAX) return;
    mg_fixture_wolfssl_init();
    const unsigned char *p = data;
    WOLFSSL_X509 *x = wolfSSL_d2i_X509(NULL, &p, (int)size);
    if (x != NULL) {
        read_extensions(x);
        read_names_and_key(x);
        wolfSSL_X509_free(x);
    }
    (void)wolfSSL_CertManagerVerifyBuffer(mg_fixture_wolfssl_cm(), data, (long)size,
                                          WOLFSSL_FILETYPE_ASN1);
}
