/* The OpenSSL backend's reason tables: which native codes they cover (printed, so the list is
 * in the test log), that every X509_V_ERR_* of the OpenSSL built against is covered, a
 * handful of mappings, and that a code absent from the table reads `other` with the code. */
#include "mg_test.h"
#include "ossl_reasons.h"

#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>

#include <stdio.h>

static void list_table(const char *title, const mg_ossl_reason_entry *table, size_t count)
{
    printf("%s (%zu codes):\n", title, count);
    for (size_t i = 0; i < count; i++)
        printf("  %6ld -> %s\n", table[i].code, mg_reason_name(table[i].reason));
}

static bool covers(const mg_ossl_reason_entry *table, size_t count, long code)
{
    for (size_t i = 0; i < count; i++)
        if (table[i].code == code) return true;
    return false;
}

static void check_verify_table(void)
{
    size_t count;
    const mg_ossl_reason_entry *table = mg_ossl_verify_reason_table(&count);
    list_table("X509_V_ERR_* -> reason", table, count);
    /* Codes 1..94 are every verification error OpenSSL 3.0 defines. */
    for (long code = X509_V_ERR_UNSPECIFIED; code <= X509_V_ERR_EC_KEY_EXPLICIT_PARAMS; code++) {
        if (!covers(table, count, code))
            fprintf(stderr, "X509_V_ERR %ld (%s) is missing from the table\n", code,
                    X509_verify_cert_error_string(code));
        CHECK(covers(table, count, code));
    }
    for (size_t i = 0; i < count; i++) {
        CHECK(table[i].reason != MG_REASON_NONE);
        CHECK(table[i].reason < MG_REASON_COUNT);
        for (size_t j = i + 1; j < count; j++) CHECK(table[i].code != table[j].code);
    }
}

static void check_mappings(void)
{
    CHECK(mg_ossl_verify_reason(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY) ==
          MG_REASON_UNKNOWN_CA);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT) == MG_REASON_UNKNOWN_CA);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_CERT_HAS_EXPIRED) == MG_REASON_EXPIRED);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_CERT_NOT_YET_VALID) == MG_REASON_NOT_YET_VALID);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_CERT_REVOKED) == MG_REASON_REVOKED);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_CRL_HAS_EXPIRED) == MG_REASON_REVOCATION_UNKNOWN);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_INVALID_PURPOSE) == MG_REASON_BAD_PURPOSE);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_HOSTNAME_MISMATCH) == MG_REASON_HOSTNAME_MISMATCH);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_IP_ADDRESS_MISMATCH) == MG_REASON_HOSTNAME_MISMATCH);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_KEYUSAGE_NO_CERTSIGN) == MG_REASON_INVALID_CA);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_PATH_LENGTH_EXCEEDED) == MG_REASON_PATH_LENGTH);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_EXCLUDED_VIOLATION) == MG_REASON_NAME_CONSTRAINTS);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_CA_MD_TOO_WEAK) == MG_REASON_INSECURE_ALGORITHM);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION) ==
          MG_REASON_CRITICAL_EXTENSION);
    CHECK(mg_ossl_verify_reason(X509_V_ERR_CERT_SIGNATURE_FAILURE) == MG_REASON_BAD_SIGNATURE);
}

static void check_ssl_table(void)
{
    size_t count;
    const mg_ossl_reason_entry *table = mg_ossl_ssl_reason_table(&count);
    list_table("SSL_R_* (this side refused the peer) -> reason", table, count);
    mg_reason r = MG_REASON_NONE;
    CHECK(mg_ossl_ssl_rejection_reason(SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE, &r));
    CHECK(r == MG_REASON_NO_CERTIFICATE);
    CHECK(mg_ossl_ssl_rejection_reason(SSL_R_BAD_SIGNATURE, &r));
    CHECK(r == MG_REASON_BAD_SIGNATURE);
    /* A received alert is a failure, not this side's judgement. */
    CHECK(!mg_ossl_ssl_rejection_reason(SSL_R_SSLV3_ALERT_BAD_CERTIFICATE, &r));
}

static void check_unmapped_code(void)
{
    const long unmapped = 4242;
    CHECK(mg_ossl_verify_reason(unmapped) == MG_REASON_OTHER);
    char text[256];
    mg_ossl_describe_verify_error(unmapped, 1, text, sizeof text);
    printf("unmapped: %s\n", text);
    CHECK(strstr(text, "4242") != NULL);
    mg_ossl_describe_verify_error(X509_V_ERR_CERT_HAS_EXPIRED, 0, text, sizeof text);
    CHECK_STR(text, "X509_V_ERR 10 at depth 0: certificate has expired");
}

int main(void)
{
    check_verify_table();
    check_mappings();
    check_ssl_table();
    check_unmapped_code();
    TEST_END();
}
