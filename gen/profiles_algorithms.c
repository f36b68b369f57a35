/* Key types and signature algorithms. Leaves of one key type share one key across sides:
 * the defect (if any) is the key type, not the key. */
#include "profile.h"

static const mg_profile_row rows[] = {
    {.name = "%s-rsa2048", .issuer = "%s-ca", .feature = "rsa2048", .key = MG_KEY_RSA2048,
     .key_label = "rsa2048-leaf"},
    {.name = "%s-rsa3072", .issuer = "%s-ca", .feature = "rsa3072", .key = MG_KEY_RSA3072,
     .key_label = "rsa3072-leaf"},
    {.name = "%s-rsa1024", .issuer = "%s-ca", .defect = "weak-key-rsa1024",
     .key = MG_KEY_RSA1024, .key_label = "rsa1024-leaf"},
    {.name = "%s-rsa-pss", .issuer = "%s-ca", .feature = "rsa-pss", .key = MG_KEY_RSA_PSS2048,
     .key_label = "rsapss2048-leaf"},
    {.name = "%s-p384", .issuer = "%s-ca", .feature = "p384", .key = MG_KEY_P384},
    {.name = "%s-ed25519", .issuer = "%s-ca", .feature = "ed25519", .key = MG_KEY_ED25519},
    {.name = "%s-sha1-signed", .issuer = "%s-ca", .defect = "sha1-signature", .flags = MG_F_SHA1},
    /* A whole P-384 hierarchy (signatures with SHA-384). */
    {.name = "%s-root-p384", .kind = MG_KIND_ROOT, .feature = "p384", .key = MG_KEY_P384},
    {.name = "%s-ca-p384", .issuer = "%s-root-p384", .kind = MG_KIND_CA, .feature = "p384",
     .key = MG_KEY_P384},
    {.name = "%s-p384-chain", .issuer = "%s-ca-p384", .feature = "p384-chain",
     .key = MG_KEY_P384},
};

const mg_profile_table mg_profiles_algorithms = MG_TABLE(rows);
