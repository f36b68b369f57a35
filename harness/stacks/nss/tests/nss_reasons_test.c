/* The NSS backend's reason table: which native codes it covers (printed, so the list is in the
 * test log), that it is well formed, a handful of mappings, and that a code absent from the
 * table reads `other` with the code in the text. */
#include "mg_test.h"
#include "nss_reasons.h"

#include <secerr.h>
#include <sslerr.h>

#include <stdio.h>
#include <string.h>

static void check_table(void)
{
    size_t count;
    const mg_nss_reason_entry *table = mg_nss_reason_table(&count);
    printf("NSS code -> reason (%zu codes):\n", count);
    for (size_t i = 0; i < count; i++) {
        printf("  %6d %-40s -> %s%s\n", table[i].code, table[i].name,
               mg_reason_name(table[i].reason), table[i].handshake ? " (handshake)" : "");
        CHECK(table[i].code < 0);
        CHECK(table[i].reason != MG_REASON_NONE);
        CHECK(table[i].reason < MG_REASON_COUNT);
        for (size_t j = i + 1; j < count; j++) CHECK(table[i].code != table[j].code);
    }
}

static void check_mappings(void)
{
    CHECK(mg_nss_reason(SEC_ERROR_UNKNOWN_ISSUER) == MG_REASON_UNKNOWN_CA);
    CHECK(mg_nss_reason(SEC_ERROR_UNTRUSTED_ISSUER) == MG_REASON_UNKNOWN_CA);
    CHECK(mg_nss_reason(SEC_ERROR_EXPIRED_CERTIFICATE) == MG_REASON_EXPIRED);
    CHECK(mg_nss_reason(SEC_ERROR_REVOKED_CERTIFICATE) == MG_REASON_REVOKED);
    CHECK(mg_nss_reason(SEC_ERROR_INADEQUATE_CERT_TYPE) == MG_REASON_BAD_PURPOSE);
    CHECK(mg_nss_reason(SEC_ERROR_INADEQUATE_KEY_USAGE) == MG_REASON_BAD_KEY_USAGE);
    CHECK(mg_nss_reason(SSL_ERROR_BAD_CERT_DOMAIN) == MG_REASON_HOSTNAME_MISMATCH);
    CHECK(mg_nss_reason(SEC_ERROR_PATH_LEN_CONSTRAINT_INVALID) == MG_REASON_PATH_LENGTH);
    CHECK(mg_nss_reason(SEC_ERROR_CERT_NOT_IN_NAME_SPACE) == MG_REASON_NAME_CONSTRAINTS);
    CHECK(mg_nss_reason(SEC_ERROR_UNKNOWN_CRITICAL_EXTENSION) == MG_REASON_CRITICAL_EXTENSION);
    CHECK(mg_nss_reason(SEC_ERROR_CA_CERT_INVALID) == MG_REASON_INVALID_CA);
    const mg_nss_reason_entry *e = mg_nss_reason_find(SSL_ERROR_NO_CERTIFICATE);
    CHECK(e && e->handshake && e->reason == MG_REASON_NO_CERTIFICATE);
    e = mg_nss_reason_find(SEC_ERROR_BAD_SIGNATURE);
    CHECK(e && e->handshake && e->reason == MG_REASON_BAD_SIGNATURE);
    /* A received alert is not this side's judgement. */
    CHECK(mg_nss_reason_find(SSL_ERROR_UNKNOWN_CA_ALERT) == NULL);
    CHECK(mg_nss_reason_find(SSL_ERROR_BAD_CERT_ALERT) == NULL);
}

static void check_unmapped_code(void)
{
    const int unmapped = -4242;
    CHECK(mg_nss_reason(unmapped) == MG_REASON_OTHER);
    char text[256];
    mg_nss_describe_error(unmapped, 1, text, sizeof text);
    printf("unmapped: %s\n", text);
    CHECK(strstr(text, "-4242") != NULL);
    mg_nss_describe_error(SEC_ERROR_UNKNOWN_ISSUER, 0, text, sizeof text);
    printf("unknown issuer: %s\n", text);
    CHECK(strncmp(text, "SEC_ERROR_UNKNOWN_ISSUER (-8179) at depth 0: ", 45) == 0);
}

int main(void)
{
    check_table();
    check_mappings();
    check_unmapped_code();
    TEST_END();
}
