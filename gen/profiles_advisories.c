/* Shapes from the field's advisories and public bugs (scenarios/catalogue/advisories.ini
 * names the CVE or issue of each): odd name forms under name constraints, CRL distribution
 * points in name forms CRL checks compare, policy trees, cycles, long chains, decoys, keys
 * encoded in ways no stack should take. */
#include "profile.h"

/* The long label is punycode for 50 accented letters (OpenSSL CVE-2022-3602/3786 overflowed
 * its punycode decoder on such labels in SmtpUTF8Mailbox names under email constraints). */
#define PUNY "xn--zcaaaaazbbbbeccccuddddyeeee2qffff1kgggg2chhhh0kiiii8djjjj"
#define SMTPUTF8 "otherName:1.3.6.1.5.5.7.8.9;UTF8:"
#define UPN "otherName:1.3.6.1.4.1.311.20.2.3;UTF8:"
#define URI_NC "critical,permitted;URI:.%s.test"
#define DEEP_CA(n, up) {.name = "%s-ca-d" n, .issuer = up, .kind = MG_KIND_CA, .feature = "deep"}
#define DECOY(n)                                                                        \
    {.name = "%s-ca-decoy" n, .issuer = "%s-root", .kind = MG_KIND_CA, .cn = "%s-ca",   \
     .defect = "same-subject-other-key"}

static const mg_profile_row rows[] = {
    /* Email constraints over a UTF-8 mailbox whose domain is a long punycode label. */
    {.name = "%s-ca-nc-email", .issuer = "%s-root", .kind = MG_KIND_CA,
     .feature = "name-constraints-email", .name_constraints = "critical,permitted;email:%s.test"},
    {.name = "%s-nc-email-punycode", .issuer = "%s-ca-nc-email",
     .defect = "smtputf8-mailbox-outside-email-constraint",
     .san = "DNS:%s.test," SMTPUTF8 "postmaster@" PUNY ".test"},
    /* An otherName constraint (a UPN) and a UPN outside it (OpenSSL CVE-2022-4203). */
    {.name = "%s-ca-nc-othername", .issuer = "%s-root", .kind = MG_KIND_CA,
     .feature = "name-constraints-othername",
     .name_constraints = "critical,permitted;" UPN "@%s.test"},
    {.name = "%s-nc-othername-outside", .issuer = "%s-ca-nc-othername",
     .defect = "othername-outside-othername-constraint",
     .san = "DNS:%s.test," UPN "user@other.test"},
    /* otherName SANs met by the host check (OpenSSL CVE-2024-6119). */
    {.name = "%s-san-othername", .issuer = "%s-ca", .feature = "san-othername",
     .san = "DNS:%s.test,IP:127.0.0.1," UPN "user@%s.test"},
    {.name = "%s-san-othername-only", .issuer = "%s-ca", .only = MG_SIDE_SERVER,
     .defect = "san-othername-only", .cn = "other.test", .san = UPN "server.test"},
    /* CRL distribution points naming EDIPartyName / x400Address (CVE-2020-1971, CVE-2023-0286). */
    {.name = "%s-crldp-edi", .issuer = "%s-ca", .feature = "crldp-edipartyname",
     .flags = MG_F_CRLDP_EDI},
    {.name = "%s-crldp-x400", .issuer = "%s-ca", .feature = "crldp-x400address",
     .flags = MG_F_CRLDP_X400},
    /* URI constraints: a good URI, a NUL in the host (openssl issue 31392), an IPv6 host with a
     * zone id that spells the permitted domain (Go CVE-2024-45341). */
    {.name = "%s-ca-nc-uri", .issuer = "%s-root", .kind = MG_KIND_CA,
     .feature = "name-constraints-uri", .name_constraints = URI_NC},
    {.name = "%s-nc-uri-permitted", .issuer = "%s-ca-nc-uri", .feature = "uri-in-constraint",
     .san = "DNS:%s.test,URI:https://www.%s.test/"},
    {.name = "%s-nc-uri-nul", .issuer = "%s-ca-nc-uri", .defect = "uri-host-with-nul",
     .flags = MG_F_SAN_URI_NUL},
    {.name = "%s-nc-uri-zone-id", .issuer = "%s-ca-nc-uri", .defect = "uri-ipv6-zone-id",
     .san = "DNS:%s.test,URI:https://[fe80::1%25.%s.test]/"},
    /* Wildcards against an excluded subdomain (Go CVE-2025-61727): the CA permits <side>.test
     * and excludes excluded.<side>.test. */
    {.name = "%s-nc-wildcard-over-excluded", .issuer = "%s-ca-nc",
     .feature = "wildcard-covers-excluded-subtree", .cn = "*.%s.test", .san = "DNS:*.%s.test",
     .host = "www.%s.test"},
    {.name = "%s-nc-wildcard-in-excluded", .issuer = "%s-ca-nc",
     .defect = "wildcard-inside-excluded-subtree", .cn = "*.excluded.%s.test",
     .san = "DNS:*.excluded.%s.test", .host = "www.excluded.%s.test"},
    /* An iPAddress whose four bytes are the ASCII of the host "a.te" (mbedTLS CVE-2020-36477). */
    {.name = "%s-ip-spells-host", .issuer = "%s-ca", .only = MG_SIDE_SERVER,
     .defect = "ip-bytes-spell-host", .cn = "other.test", .san = "IP:97.46.116.101",
     .host = "a.te"},
    /* The right name in the wrong SAN type (Envoy issue 18259). */
    {.name = "%s-san-email-only", .issuer = "%s-ca", .only = MG_SIDE_SERVER,
     .defect = "host-in-email-san", .cn = "other.test", .san = "email:server.test"},
    {.name = "%s-san-uri-only", .issuer = "%s-ca", .only = MG_SIDE_SERVER,
     .defect = "host-in-uri-san", .cn = "other.test", .san = "URI:server.test"},
    /* URI SANs as meshes use them. */
    {.name = "%s-uri-several", .issuer = "%s-ca", .feature = "san-uri-several",
     .san = "DNS:%s.test,IP:127.0.0.1,URI:spiffe://mtlsgrid.test/ns/x/sa/%s,URI:https://%s.test/"},
    {.name = "%s-uri-wildcard", .issuer = "%s-ca", .feature = "san-uri-wildcard",
     .san = "DNS:%s.test,IP:127.0.0.1,URI:spiffe://*.mtlsgrid.test/%s"},
    {.name = "%s-spiffe-workload", .issuer = "%s-ca", .feature = "san-uri-spiffe-workload",
     .san = "DNS:%s.test,IP:127.0.0.1,URI:spiffe://mtlsgrid.test/ns/x/sa/%s"},
    /* A P-256 key with the curve spelled out (CVE-2022-0778 was reached through such keys). */
    {.name = "%s-ec-explicit", .issuer = "%s-ca", .defect = "ec-explicit-parameters",
     .flags = MG_F_EC_EXPLICIT},
    /* A compressed point on a binary curve, its parameters spelled out (CVE-2022-0778: the
     * square root that decompresses a point, reached from a certificate); one key per type. */
    {.name = "%s-ec-binary-compressed", .issuer = "%s-ca", .key = MG_KEY_SECT233R1,
     .key_label = "sect233r1-leaf", .defect = "ec-binary-compressed-point",
     .flags = MG_F_EC_EXPLICIT | MG_F_EC_COMPRESSED},
    /* A leaf whose key is under an algorithm OID no stack knows (Go CVE-2024-24783). */
    {.name = "%s-unknown-key-alg", .issuer = "%s-ca", .defect = "unknown-key-algorithm",
     .flags = MG_F_UNKNOWN_KEY_ALG},
    /* An intermediate with an RSA-16384 key and a leaf it signed (Go CVE-2023-29409: verifying
     * signatures by huge keys; no standard caps the size). The key is the fixture. */
    {.name = "%s-ca-rsa16384", .issuer = "%s-root", .kind = MG_KIND_CA, .feature = "rsa16384",
     .key = MG_KEY_RSA16384, .key_label = "rsa16384-fixture"},
    {.name = "%s-via-ca-rsa16384", .issuer = "%s-ca-rsa16384", .feature = "under-rsa16384-ca"},
    /* X.509 v2 (no extensions) leaf and CA; a CA without keyUsage (wolfSSL issue 3040). */
    {.name = "%s-x509-v2", .issuer = "%s-ca", .defect = "x509-v2", .flags = MG_F_V2},
    {.name = "%s-ca-v2", .issuer = "%s-root", .kind = MG_KIND_CA, .defect = "ca-x509-v2",
     .flags = MG_F_V2},
    {.name = "%s-via-ca-v2", .issuer = "%s-ca-v2", .defect = "intermediate-x509-v2"},
    {.name = "%s-ca-no-ku", .issuer = "%s-root", .kind = MG_KIND_CA, .feature = "ca-no-key-usage",
     .ku = MG_KU_ABSENT},
    {.name = "%s-via-ca-no-ku", .issuer = "%s-ca-no-ku", .feature = "under-ca-no-key-usage"},
    /* Leaves with both purposes, or none, under a CA limited to the other side's purpose. */
    {.name = "%s-eku-both-via-ca-eku-mismatch", .issuer = "%s-ca-eku-mismatch",
     .defect = "intermediate-eku-mismatch", .eku = MG_EKU_SERVER | MG_EKU_CLIENT},
    {.name = "%s-eku-serverauth-via-ca-eku-mismatch", .issuer = "%s-ca-eku-mismatch",
     .only = MG_SIDE_CLIENT, .defect = "eku-serverauth-only", .eku = MG_EKU_SERVER},
    {.name = "%s-no-eku-via-ca-eku-mismatch", .issuer = "%s-ca-eku-mismatch",
     .defect = "intermediate-eku-mismatch", .eku = MG_EKU_ABSENT},
    /* A cycle of cross-signed CAs under an untrusted root (GnuTLS CVE-2024-0567): A by the
     * foreign root, B by A, and A's subject and key again, signed by B. */
    {.name = "%s-cycle-a", .issuer = "%s-foreign-root", .kind = MG_KIND_CA},
    {.name = "%s-cycle-b", .issuer = "%s-cycle-a", .kind = MG_KIND_CA},
    {.name = "%s-cycle-a-by-b", .issuer = "%s-cycle-b", .kind = MG_KIND_CA, .cn = "%s-cycle-a",
     .key_label = "%s-cycle-a", .defect = "cross-signed-cycle"},
    {.name = "%s-via-cycle", .issuer = "%s-cycle-a", .defect = "chain-in-cycle"},
    /* Seventeen intermediates: 18 certificates sent (GnuTLS CVE-2024-28835). */
    DEEP_CA("01", "%s-root"), DEEP_CA("02", "%s-ca-d01"), DEEP_CA("03", "%s-ca-d02"),
    DEEP_CA("04", "%s-ca-d03"), DEEP_CA("05", "%s-ca-d04"), DEEP_CA("06", "%s-ca-d05"),
    DEEP_CA("07", "%s-ca-d06"), DEEP_CA("08", "%s-ca-d07"), DEEP_CA("09", "%s-ca-d08"),
    DEEP_CA("10", "%s-ca-d09"), DEEP_CA("11", "%s-ca-d10"), DEEP_CA("12", "%s-ca-d11"),
    DEEP_CA("13", "%s-ca-d12"), DEEP_CA("14", "%s-ca-d13"), DEEP_CA("15", "%s-ca-d14"),
    DEEP_CA("16", "%s-ca-d15"), DEEP_CA("17", "%s-ca-d16"),
    {.name = "%s-chain-18", .issuer = "%s-ca-d17", .feature = "eighteen-certificates"},
    /* CAs with the subject of <side>-ca and other keys: candidates a path builder must try and
     * drop (RUSTSEC-2023-0052). */
    DECOY("1"), DECOY("2"), DECOY("3"), DECOY("4"),
    /* Three CAs that each map six policies to one another (OpenSSL CVE-2023-0464), and a leaf
     * whose only policy is outside its CA's (CVE-2023-0465). */
    {.name = "%s-ca-policy-tree", .issuer = "%s-root", .kind = MG_KIND_CA,
     .feature = "policy-mappings", .flags = MG_F_REQUIRE_POLICY | MG_F_POLICY_TREE},
    {.name = "%s-ca-policy-tree-2", .issuer = "%s-ca-policy-tree", .kind = MG_KIND_CA,
     .feature = "policy-mappings", .flags = MG_F_POLICY_TREE},
    {.name = "%s-ca-policy-tree-3", .issuer = "%s-ca-policy-tree-2", .kind = MG_KIND_CA,
     .feature = "policy-mappings", .flags = MG_F_POLICY_TREE},
    {.name = "%s-policy-tree", .issuer = "%s-ca-policy-tree-3", .feature = "policy-via-mappings",
     .flags = MG_F_POLICY},
    {.name = "%s-policy-other", .issuer = "%s-ca-require-policy",
     .defect = "policy-outside-issuer", .flags = MG_F_POLICY_OTHER},
};

const mg_profile_table mg_profiles_advisories = MG_TABLE(rows);
