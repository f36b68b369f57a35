/* Purpose: extended key usage and key usage, on the leaf and on the intermediate. */
#include "profile.h"

static const mg_profile_row rows[] = {
    /* The other side's purpose only. */
    {.name = "%s-eku-serverauth", .issuer = "%s-ca", .defect = "eku-serverauth-only",
     .only = MG_SIDE_CLIENT, .eku = MG_EKU_SERVER},
    {.name = "%s-eku-clientauth", .issuer = "%s-ca", .defect = "eku-clientauth-only",
     .only = MG_SIDE_SERVER, .eku = MG_EKU_CLIENT},
    {.name = "%s-eku-codesigning", .issuer = "%s-ca", .defect = "eku-codesigning-only",
     .eku = MG_EKU_CODE},
    {.name = "%s-eku-emailprotection", .issuer = "%s-ca", .defect = "eku-emailprotection-only",
     .eku = MG_EKU_EMAIL},
    /* RFC 5280 4.2.1.12: anyExtendedKeyUsage allows any purpose, but applications may
     * insist on the specific one: the standards allow both outcomes. */
    {.name = "%s-eku-any", .issuer = "%s-ca", .defect = "eku-any-only", .eku = MG_EKU_ANY},
    {.name = "%s-eku-both", .issuer = "%s-ca", .feature = "eku-both",
     .eku = MG_EKU_SERVER | MG_EKU_CLIENT},
    /* No extendedKeyUsage extension: any purpose (RFC 5280 4.2.1.12). */
    {.name = "%s-no-eku", .issuer = "%s-ca", .feature = "eku-absent", .eku = MG_EKU_ABSENT},
    /* keyAgreement only: an ECDH certificate that may not sign a handshake. */
    {.name = "%s-ku-no-digitalsignature", .issuer = "%s-ca", .defect = "ku-no-digitalsignature",
     .ku = MG_KU_KEY_AGREEMENT},
    {.name = "%s-no-ku", .issuer = "%s-ca", .feature = "ku-absent", .ku = MG_KU_ABSENT},
    /* An intermediate restricted (by EKU) to the other side's purpose. */
    {.name = "%s-ca-eku-mismatch", .issuer = "%s-root", .kind = MG_KIND_CA,
     .only = MG_SIDE_CLIENT, .defect = "ca-eku-serverauth-only", .eku = MG_EKU_SERVER},
    {.name = "%s-ca-eku-mismatch", .issuer = "%s-root", .kind = MG_KIND_CA,
     .only = MG_SIDE_SERVER, .defect = "ca-eku-clientauth-only", .eku = MG_EKU_CLIENT},
    {.name = "%s-via-ca-eku-mismatch", .issuer = "%s-ca-eku-mismatch",
     .defect = "intermediate-eku-mismatch"},
};

const mg_profile_table mg_profiles_purpose = MG_TABLE(rows);
