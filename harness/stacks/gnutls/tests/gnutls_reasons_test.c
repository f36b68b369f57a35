/* The GnuTLS status-bit table: every bit of gnutls_certificate_status_t (3.7) is covered, a few
 * mappings, the priority among several bits, and an unknown bit surfacing as `other` with the
 * native mask in the text. */
#include "gnutls_reasons.h"
#include "mg_test.h"

#include <gnutls/gnutls.h>

#include <stdio.h>

static const unsigned all_status_bits[] = {
    GNUTLS_CERT_INVALID,
    GNUTLS_CERT_REVOKED,
    GNUTLS_CERT_SIGNER_NOT_FOUND,
    GNUTLS_CERT_SIGNER_NOT_CA,
    GNUTLS_CERT_INSECURE_ALGORITHM,
    GNUTLS_CERT_NOT_ACTIVATED,
    GNUTLS_CERT_EXPIRED,
    GNUTLS_CERT_SIGNATURE_FAILURE,
    GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED,
    GNUTLS_CERT_UNEXPECTED_OWNER,
    GNUTLS_CERT_REVOCATION_DATA_ISSUED_IN_FUTURE,
    GNUTLS_CERT_SIGNER_CONSTRAINTS_FAILURE,
    GNUTLS_CERT_MISMATCH,
    GNUTLS_CERT_PURPOSE_MISMATCH,
    GNUTLS_CERT_MISSING_OCSP_STATUS,
    GNUTLS_CERT_INVALID_OCSP_STATUS,
    GNUTLS_CERT_UNKNOWN_CRIT_EXTENSIONS,
};

static bool in_table(unsigned bit)
{
    for (size_t i = 0; i < mg_gnutls_status_reason_count; i++)
        if (mg_gnutls_status_reasons[i].bit == bit) return true;
    return false;
}

static const char *reason_of(unsigned status)
{
    return mg_reason_name(mg_gnutls_reason_from_status(status));
}

int main(void)
{
    unsigned covered = 0;
    for (size_t i = 0; i < mg_gnutls_status_reason_count; i++) {
        printf("%-45s -> %s\n", mg_gnutls_status_reasons[i].name,
               mg_reason_name(mg_gnutls_status_reasons[i].reason));
        CHECK((covered & mg_gnutls_status_reasons[i].bit) == 0); /* each bit once */
        covered |= mg_gnutls_status_reasons[i].bit;
    }
    for (size_t i = 0; i < sizeof all_status_bits / sizeof all_status_bits[0]; i++) {
        if (!in_table(all_status_bits[i]))
            fprintf(stderr, "bit 0x%x missing\n", all_status_bits[i]);
        CHECK(in_table(all_status_bits[i]));
    }
    CHECK(mg_gnutls_status_reason_count == sizeof all_status_bits / sizeof all_status_bits[0]);

    CHECK_STR(reason_of(GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_FOUND), "unknown-ca");
    CHECK_STR(reason_of(GNUTLS_CERT_INVALID | GNUTLS_CERT_EXPIRED), "expired");
    CHECK_STR(reason_of(GNUTLS_CERT_INVALID | GNUTLS_CERT_NOT_ACTIVATED), "not-yet-valid");
    CHECK_STR(reason_of(GNUTLS_CERT_INVALID | GNUTLS_CERT_PURPOSE_MISMATCH), "bad-purpose");
    CHECK_STR(reason_of(GNUTLS_CERT_INVALID | GNUTLS_CERT_UNEXPECTED_OWNER), "hostname-mismatch");
    CHECK_STR(reason_of(GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNER_NOT_CA), "invalid-ca");
    CHECK_STR(reason_of(GNUTLS_CERT_INVALID | GNUTLS_CERT_MISSING_OCSP_STATUS),
              "revocation-unknown");
    CHECK_STR(reason_of(GNUTLS_CERT_INVALID | GNUTLS_CERT_UNKNOWN_CRIT_EXTENSIONS),
              "critical-extension");

    /* Several bits: the most telling wins, whatever the order of the bits. */
    CHECK_STR(reason_of(GNUTLS_CERT_INVALID | GNUTLS_CERT_EXPIRED | GNUTLS_CERT_REVOKED),
              "revoked");
    CHECK_STR(reason_of(GNUTLS_CERT_INVALID | GNUTLS_CERT_SIGNATURE_FAILURE |
                        GNUTLS_CERT_INSECURE_ALGORITHM),
              "insecure-algorithm");
    CHECK_STR(reason_of(GNUTLS_CERT_INVALID | GNUTLS_CERT_UNEXPECTED_OWNER | GNUTLS_CERT_EXPIRED),
              "expired");
    CHECK_STR(reason_of(GNUTLS_CERT_INVALID), "other");

    /* A bit GnuTLS 3.7 does not define: other, with the mask in the text. */
    const unsigned unknown = 1u << 25;
    CHECK(!(covered & unknown));
    mg_side_outcome out = {0};
    mg_gnutls_status_outcome(GNUTLS_CERT_INVALID | unknown, &out);
    CHECK(out.state == MG_SIDE_REJECTED_PEER);
    CHECK(out.reason == MG_REASON_OTHER);
    CHECK(out.native_code == (long)(GNUTLS_CERT_INVALID | unknown));
    CHECK(strstr(out.native_text, "0x2000002") != NULL);
    printf("unknown bit: %s\n", out.native_text);

    mg_gnutls_status_outcome(GNUTLS_CERT_INVALID | GNUTLS_CERT_EXPIRED, &out);
    CHECK(out.reason == MG_REASON_EXPIRED);
    CHECK(strstr(out.native_text, "expired") != NULL);
    TEST_END();
}
