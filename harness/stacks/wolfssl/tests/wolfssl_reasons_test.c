/* The wolfSSL backend's reason table: which native codes it covers (printed, so the list is in
 * the test log), that it is well formed, a handful of mappings, and that a code absent from the
 * table reads `other` with the code in the text. */
#include "mg_test.h"
#include "wolfssl_reasons.h"

#include <wolfssl/options.h>

#include <wolfssl/error-ssl.h>
#include <wolfssl/wolfcrypt/error-crypt.h>

#include <stdio.h>

static void check_table(void)
{
    size_t count;
    const mg_wolf_reason_entry *table = mg_wolf_reason_table(&count);
    printf("wolfSSL code -> reason (%zu codes):\n", count);
    for (size_t i = 0; i < count; i++) {
        printf("  %5d %-28s -> %s%s\n", table[i].code, table[i].name,
               mg_reason_name(table[i].reason),
               table[i].handshake ? " (handshake)" : table[i].own_too ? " (callback only)" : "");
        CHECK(table[i].code < 0);
        CHECK(table[i].reason != MG_REASON_NONE);
        CHECK(table[i].reason < MG_REASON_COUNT);
        CHECK(!(table[i].handshake && table[i].own_too));
        for (size_t j = i + 1; j < count; j++) CHECK(table[i].code != table[j].code);
    }
}

static void check_mappings(void)
{
    CHECK(mg_wolf_reason(ASN_NO_SIGNER_E) == MG_REASON_UNKNOWN_CA);
    CHECK(mg_wolf_reason(ASN_SELF_SIGNED_E) == MG_REASON_UNKNOWN_CA);
    CHECK(mg_wolf_reason(ASN_AFTER_DATE_E) == MG_REASON_EXPIRED);
    CHECK(mg_wolf_reason(ASN_BEFORE_DATE_E) == MG_REASON_NOT_YET_VALID);
    CHECK(mg_wolf_reason(CRL_CERT_REVOKED) == MG_REASON_REVOKED);
    CHECK(mg_wolf_reason(CRL_MISSING) == MG_REASON_REVOCATION_UNKNOWN);
    CHECK(mg_wolf_reason(OCSP_CERT_REVOKED) == MG_REASON_REVOKED);
    CHECK(mg_wolf_reason(EXTKEYUSE_AUTH_E) == MG_REASON_BAD_PURPOSE);
    CHECK(mg_wolf_reason(KEYUSE_SIGNATURE_E) == MG_REASON_BAD_KEY_USAGE);
    CHECK(mg_wolf_reason(DOMAIN_NAME_MISMATCH) == MG_REASON_HOSTNAME_MISMATCH);
    CHECK(mg_wolf_reason(IPADDR_MISMATCH) == MG_REASON_HOSTNAME_MISMATCH);
    CHECK(mg_wolf_reason(ASN_PATHLEN_INV_E) == MG_REASON_PATH_LENGTH);
    CHECK(mg_wolf_reason(ASN_NAME_INVALID_E) == MG_REASON_NAME_CONSTRAINTS);
    CHECK(mg_wolf_reason(ASN_CRIT_EXT_E) == MG_REASON_CRITICAL_EXTENSION);
    CHECK(mg_wolf_reason(ASN_SIG_CONFIRM_E) == MG_REASON_BAD_SIGNATURE);
    CHECK(mg_wolf_reason(RSA_KEY_SIZE_E) == MG_REASON_INSECURE_ALGORITHM);
    const mg_wolf_reason_entry *e = mg_wolf_reason_find(NO_PEER_CERT);
    CHECK(e && e->handshake && e->reason == MG_REASON_NO_CERTIFICATE);
    e = mg_wolf_reason_find(VERIFY_SIGN_ERROR);
    CHECK(e && e->handshake && e->reason == MG_REASON_BAD_SIGNATURE);
    /* Raised for this side's own credential too: a refusal only through the verify callback. */
    e = mg_wolf_reason_find(RSA_KEY_SIZE_E);
    CHECK(e && e->own_too);
    /* A received alert or a transport failure is not this side's judgement. */
    CHECK(mg_wolf_reason_find(FATAL_ERROR) == NULL);
    CHECK(mg_wolf_reason_find(SOCKET_ERROR_E) == NULL);
}

static void check_unmapped_code(void)
{
    const int unmapped = -4242;
    CHECK(mg_wolf_reason(unmapped) == MG_REASON_OTHER);
    char text[256];
    mg_wolf_describe_error(unmapped, 1, text, sizeof text);
    printf("unmapped: %s\n", text);
    CHECK(strstr(text, "-4242") != NULL);
    mg_wolf_describe_error(ASN_AFTER_DATE_E, 0, text, sizeof text);
    printf("expired: %s\n", text);
    CHECK(strncmp(text, "ASN_AFTER_DATE_E (-151) at depth 0: ", 36) == 0);
}

int main(void)
{
    check_table();
    check_mappings();
    check_unmapped_code();
    TEST_END();
}
