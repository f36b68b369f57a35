/* The client-certificate defects of `mtlsgrid probe`, issued under a CA given from outside
 * (probe_set.c registers it as "probe-given-ca" and the intermediate as "probe-intermediate").
 * Most defects hang directly under the given CA, so that a gateway with a short verification
 * depth still judges the defect itself; the chain defects use the intermediate. */
#include "profile.h"

#define GIVEN "probe-given-ca"
#define INTERMEDIATE "probe-intermediate"

static const mg_profile_row rows[] = {
    {.name = "probe-control", .issuer = GIVEN},
    {.name = "probe-via-intermediate", .issuer = INTERMEDIATE, .feature = "one-intermediate"},
    {.name = "probe-eku-serverauth", .issuer = GIVEN, .defect = "eku-serverauth-only",
     .eku = MG_EKU_SERVER},
    {.name = "probe-eku-codesigning", .issuer = GIVEN, .defect = "eku-codesigning-only",
     .eku = MG_EKU_CODE},
    {.name = "probe-no-eku", .issuer = GIVEN, .feature = "eku-absent", .eku = MG_EKU_ABSENT},
    {.name = "probe-eku-any", .issuer = GIVEN, .defect = "eku-any-only", .eku = MG_EKU_ANY},
    {.name = "probe-ku-no-digitalsignature", .issuer = GIVEN, .defect = "ku-no-digitalsignature",
     .ku = MG_KU_KEY_AGREEMENT},
    {.name = "probe-expired", .issuer = GIVEN, .defect = "expired", .window = MG_WINDOW_EXPIRED},
    {.name = "probe-not-yet-valid", .issuer = GIVEN, .defect = "not-yet-valid",
     .window = MG_WINDOW_NOT_YET_VALID},
    {.name = "probe-revoked", .issuer = GIVEN, .defect = "revoked"},
    {.name = "probe-self-signed", .defect = "self-signed"},
    {.name = "probe-foreign-root", .kind = MG_KIND_ROOT},
    {.name = "probe-foreign-ca", .issuer = "probe-foreign-root", .kind = MG_KIND_CA},
    {.name = "probe-other-ca", .issuer = "probe-foreign-root", .defect = "issued-by-other-ca"},
    {.name = "probe-foreign-intermediate", .issuer = "probe-foreign-ca",
     .defect = "intermediate-from-other-ca"},
    {.name = "probe-not-ca", .issuer = GIVEN, .kind = MG_KIND_CA, .defect = "ca-false",
     .flags = MG_F_CA_FALSE},
    {.name = "probe-via-not-ca", .issuer = "probe-not-ca", .defect = "intermediate-not-ca"},
    {.name = "probe-pathlen-sub", .issuer = INTERMEDIATE, .kind = MG_KIND_CA,
     .defect = "exceeds-issuer-pathlen"},
    {.name = "probe-pathlen-exceeded", .issuer = "probe-pathlen-sub", .defect = "pathlen-exceeded"},
    {.name = "probe-rsa1024", .issuer = GIVEN, .defect = "weak-key-rsa1024",
     .key = MG_KEY_RSA1024},
    {.name = "probe-sha1", .issuer = GIVEN, .defect = "sha1-signature", .flags = MG_F_SHA1},
    {.name = "probe-critical-unknown", .issuer = GIVEN, .defect = "unknown-critical-extension",
     .flags = MG_F_CRITICAL_UNKNOWN},
    {.name = "probe-bad-signature", .issuer = GIVEN, .defect = "bad-signature",
     .flags = MG_F_BAD_SIGNATURE},
    {.name = "probe-x509-v1", .issuer = GIVEN, .defect = "x509-v1", .flags = MG_F_V1},
};

const mg_profile_table mg_profiles_probe = MG_TABLE(rows);

/* The intermediate made when none is given: pathLenConstraint 0, so that it may issue leaves
 * and "probe-pathlen-sub" breaks it. */
static const mg_profile_row intermediate_row[] = {
    {.name = INTERMEDIATE, .issuer = GIVEN, .kind = MG_KIND_CA, .flags = MG_F_PATHLEN0},
};

const mg_profile_table mg_profiles_probe_intermediate = MG_TABLE(intermediate_row);
