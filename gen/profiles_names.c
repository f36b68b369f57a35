/* Names: what a client checks against the host it connects to (RFC 6125, RFC 9525). The
 * "host" of each row is the name the client should verify. */
#include "profile.h"

static const mg_profile_row rows[] = {
    /* CN only: RFC 9525 says clients must not fall back to the CN. */
    {.name = "%s-no-san", .issuer = "%s-ca", .only = MG_SIDE_SERVER, .defect = "no-san-cn-only",
     .san = ""},
    {.name = "%s-san-mismatch", .issuer = "%s-ca", .only = MG_SIDE_SERVER,
     .defect = "san-mismatch", .cn = "other.test", .san = "DNS:other.test"},
    {.name = "%s-san-wildcard", .issuer = "%s-ca", .only = MG_SIDE_SERVER,
     .feature = "san-wildcard", .cn = "*.server.test", .san = "DNS:*.server.test",
     .host = "www.server.test"},
    /* A wildcard stands for exactly one label: *.server.test does not cover a.b.server.test. */
    {.name = "%s-san-wildcard-deep", .issuer = "%s-ca", .only = MG_SIDE_SERVER,
     .defect = "wildcard-too-deep", .cn = "*.server.test", .san = "DNS:*.server.test",
     .host = "a.b.server.test"},
    /* Two wildcards: not a valid wildcard at all. */
    {.name = "%s-san-wildcard-multi", .issuer = "%s-ca", .only = MG_SIDE_SERVER,
     .defect = "wildcard-invalid", .cn = "a.b.server.test", .san = "DNS:*.*.server.test",
     .host = "a.b.server.test"},
    {.name = "%s-san-ip", .issuer = "%s-ca", .only = MG_SIDE_SERVER, .feature = "san-ip",
     .san = "IP:127.0.0.1", .host = "127.0.0.1"},
    {.name = "%s-san-ipv6", .issuer = "%s-ca", .only = MG_SIDE_SERVER, .feature = "san-ipv6",
     .san = "IP:::1", .host = "::1"},
    /* The address written as a dNSName: must not match an IP address host (RFC 6125 6.2.1;
     * GnuTLS deliberately falls back to it for CAs that do this). */
    {.name = "%s-ip-as-dns-san", .issuer = "%s-ca", .only = MG_SIDE_SERVER,
     .defect = "ip-in-dns-san", .san = "DNS:127.0.0.1", .host = "127.0.0.1"},
    /* A SPIFFE ID (X509-SVID): workloads are named by URI, common in service-mesh mTLS. */
    {.name = "%s-spiffe", .issuer = "%s-ca", .only = MG_SIDE_CLIENT, .feature = "san-uri-spiffe",
     .san = "URI:spiffe://mtlsgrid.test/%s"},
    {.name = "%s-spiffe", .issuer = "%s-ca", .only = MG_SIDE_SERVER, .feature = "san-uri-spiffe",
     .san = "URI:spiffe://mtlsgrid.test/%s,DNS:server.test,IP:127.0.0.1"},
    {.name = "%s-cn-mismatch-san-ok", .issuer = "%s-ca", .only = MG_SIDE_SERVER,
     .feature = "cn-mismatch-san-ok", .cn = "other.test"},
};

const mg_profile_table mg_profiles_names = MG_TABLE(rows);
