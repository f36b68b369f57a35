/* Extensions that are malformed, misplaced or unknown (RFC 5280 4.2). */
#include "profile.h"

static const mg_profile_row rows[] = {
    {.name = "%s-critical-unknown-extension", .issuer = "%s-ca",
     .defect = "unknown-critical-extension", .flags = MG_F_CRITICAL_UNKNOWN},
    {.name = "%s-aki-mismatch", .issuer = "%s-ca", .defect = "aki-ski-mismatch",
     .flags = MG_F_AKI_MISMATCH},
    {.name = "%s-no-key-ids", .issuer = "%s-ca", .defect = "no-authority-key-id",
     .flags = MG_F_NO_KEY_IDS},
    {.name = "%s-duplicate-extension", .issuer = "%s-ca", .defect = "duplicate-extension",
     .flags = MG_F_DUPLICATE_EXTENSION},
    {.name = "%s-empty-san", .issuer = "%s-ca", .defect = "empty-san", .flags = MG_F_EMPTY_SAN},
    /* An X.509 v1 end entity: no extensions, so no EKU, key usage or SAN (the host is
     * in the CN only); TLS asks for v3 (RFC 8446 4.4.2.2, 4.4.2.3; RFC 5246 7.4.2, 7.4.6). */
    {.name = "%s-x509-v1", .issuer = "%s-ca", .defect = "x509-v1", .flags = MG_F_V1},
    /* An end-entity certificate that claims to be a CA (without keyCertSign). */
    {.name = "%s-leaf-is-ca", .issuer = "%s-ca", .defect = "leaf-is-ca", .flags = MG_F_LEAF_CA},
    /* basicConstraints must be critical in a CA certificate (RFC 5280 4.2.1.9). */
    {.name = "%s-ca-bc-noncritical", .issuer = "%s-root", .kind = MG_KIND_CA,
     .defect = "basic-constraints-not-critical", .flags = MG_F_BC_NONCRITICAL},
    {.name = "%s-via-ca-bc-noncritical", .issuer = "%s-ca-bc-noncritical",
     .defect = "intermediate-basic-constraints-not-critical"},
    /* policyConstraints requireExplicitPolicy:0: every certificate below needs a policy. */
    {.name = "%s-ca-require-policy", .issuer = "%s-root", .kind = MG_KIND_CA,
     .feature = "require-explicit-policy", .flags = MG_F_REQUIRE_POLICY | MG_F_POLICY},
    {.name = "%s-policy-ok", .issuer = "%s-ca-require-policy", .feature = "explicit-policy",
     .flags = MG_F_POLICY},
    {.name = "%s-policy-missing", .issuer = "%s-ca-require-policy",
     .defect = "explicit-policy-missing"},
};

const mg_profile_table mg_profiles_extensions = MG_TABLE(rows);
