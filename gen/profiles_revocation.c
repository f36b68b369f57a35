/* Certificates for the revocation family; crl.c and ocsp.c revoke and vouch for them. */
#include "profile.h"

static const mg_profile_row rows[] = {
    {.name = "%s-revoked", .issuer = "%s-ca", .defect = "revoked"},
    {.name = "%s-ca-revoked", .issuer = "%s-root", .kind = MG_KIND_CA, .defect = "revoked"},
    {.name = "%s-via-ca-revoked", .issuer = "%s-ca-revoked", .defect = "intermediate-revoked"},
    /* Delegated OCSP responders (RFC 6960 4.2.2.2): one authorized, one without the
     * OCSPSigning purpose, whose responses must not be trusted. */
    {.name = "%s-ocsp-responder", .issuer = "%s-ca", .kind = MG_KIND_RESPONDER,
     .only = MG_SIDE_SERVER, .cn = "ocsp.%s.test", .san = "", .flags = MG_F_OCSP_NOCHECK},
    {.name = "%s-ocsp-responder-unauthorized", .issuer = "%s-ca", .kind = MG_KIND_RESPONDER,
     .only = MG_SIDE_SERVER, .defect = "responder-without-ocspsigning", .cn = "ocsp.%s.test",
     .san = "", .eku = MG_EKU_SERVER},
};

const mg_profile_table mg_profiles_revocation = MG_TABLE(rows);
