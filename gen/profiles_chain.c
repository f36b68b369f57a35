/* Chains: trust, order, depth, and intermediates that are not proper CAs. A missing
 * intermediate needs no artifact of its own: send cert.pem instead of chain.pem. */
#include "profile.h"

#define NC_TEXT "critical,permitted;DNS:%s.test,excluded;DNS:excluded.%s.test"

static const mg_profile_row rows[] = {
    /* A good chain under a root the peer does not trust. */
    {.name = "%s-foreign-root", .kind = MG_KIND_ROOT},
    {.name = "%s-foreign-ca", .issuer = "%s-foreign-root", .kind = MG_KIND_CA},
    {.name = "%s-untrusted-root", .issuer = "%s-foreign-ca", .defect = "untrusted-root"},
    /* Trust separation: issued by the other side's CA, which this side's peer distrusts. */
    {.name = "%s-from-server-ca", .issuer = "server-ca", .only = MG_SIDE_CLIENT,
     .defect = "issued-by-other-tree"},
    {.name = "%s-from-client-ca", .issuer = "client-ca", .only = MG_SIDE_SERVER,
     .defect = "issued-by-other-tree"},
    {.name = "%s-self-signed", .defect = "self-signed"},
    /* Four levels: root, ca, ca-l2, leaf. */
    {.name = "%s-ca-l2", .issuer = "%s-ca", .kind = MG_KIND_CA},
    {.name = "%s-deep", .issuer = "%s-ca-l2", .feature = "two-intermediates"},
    {.name = "%s-chain-unordered", .issuer = "%s-ca-l2", .defect = "chain-unordered",
     .flags = MG_F_CHAIN_UNORDERED},
    /* Intermediates that must not issue. */
    {.name = "%s-ca-not-ca", .issuer = "%s-root", .kind = MG_KIND_CA, .defect = "ca-false",
     .flags = MG_F_CA_FALSE},
    {.name = "%s-via-ca-not-ca", .issuer = "%s-ca-not-ca", .defect = "intermediate-not-ca"},
    {.name = "%s-ca-no-bc", .issuer = "%s-root", .kind = MG_KIND_CA,
     .defect = "no-basic-constraints", .flags = MG_F_NO_BASIC_CONSTRAINTS},
    {.name = "%s-via-ca-no-bc", .issuer = "%s-ca-no-bc",
     .defect = "intermediate-no-basic-constraints"},
    /* An X.509 v1 CA: no basicConstraints can say it is one (RFC 5280 6.1.4 (k)). */
    {.name = "%s-ca-v1", .issuer = "%s-root", .kind = MG_KIND_CA, .defect = "ca-x509-v1",
     .flags = MG_F_V1},
    {.name = "%s-via-ca-v1", .issuer = "%s-ca-v1", .defect = "intermediate-x509-v1"},
    {.name = "%s-ca-no-keycertsign", .issuer = "%s-root", .kind = MG_KIND_CA,
     .defect = "no-keycertsign", .ku = MG_KU_DIGITAL_SIGNATURE | MG_KU_CRL_SIGN},
    {.name = "%s-via-ca-no-keycertsign", .issuer = "%s-ca-no-keycertsign",
     .defect = "intermediate-no-keycertsign"},
    /* pathLenConstraint 0: it may issue leaves, not CAs. */
    {.name = "%s-ca-pathlen0", .issuer = "%s-root", .kind = MG_KIND_CA, .feature = "pathlen-0",
     .flags = MG_F_PATHLEN0},
    {.name = "%s-pathlen-ok", .issuer = "%s-ca-pathlen0", .feature = "under-pathlen-0"},
    {.name = "%s-ca-pathlen0-sub", .issuer = "%s-ca-pathlen0", .kind = MG_KIND_CA,
     .defect = "exceeds-issuer-pathlen"},
    {.name = "%s-pathlen-exceeded", .issuer = "%s-ca-pathlen0-sub", .defect = "pathlen-exceeded"},
    /* Name constraints: permitted <side>.test, excluded excluded.<side>.test. */
    {.name = "%s-ca-nc", .issuer = "%s-root", .kind = MG_KIND_CA,
     .feature = "name-constraints", .name_constraints = NC_TEXT},
    {.name = "%s-nc-permitted", .issuer = "%s-ca-nc", .feature = "name-constraints-permitted",
     .cn = "www.%s.test", .san = "DNS:www.%s.test", .host = "www.%s.test"},
    {.name = "%s-nc-outside", .issuer = "%s-ca-nc", .defect = "name-constraints-outside",
     .cn = "outside-%s.test", .san = "DNS:outside-%s.test", .host = "outside-%s.test"},
    {.name = "%s-nc-excluded", .issuer = "%s-ca-nc", .defect = "name-constraints-excluded",
     .cn = "excluded.%s.test", .san = "DNS:excluded.%s.test", .host = "excluded.%s.test"},
    {.name = "%s-bad-signature", .issuer = "%s-ca", .defect = "bad-signature",
     .flags = MG_F_BAD_SIGNATURE},
};

const mg_profile_table mg_profiles_chain = MG_TABLE(rows);
