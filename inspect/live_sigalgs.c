/* Names of the numbers a CertificateRequest carries: signature schemes by their IANA names
 * (RFC 8446 4.2.3, and the TLS 1.2 hash/signature pairs of RFC 5246 7.4.1.4.1 that share the
 * code points), and TLS 1.2 certificate types (RFC 5246 7.4.4, RFC 8422 5.5). */
#include "live_connect.h"

#include <stddef.h>

static const mg_live_sigalg sigalgs[] = {
    {0x0201, "rsa_pkcs1_sha1"},
    {0x0202, "dsa_sha1"},
    {0x0203, "ecdsa_sha1"},
    {0x0301, "rsa_pkcs1_sha224"},
    {0x0302, "dsa_sha224"},
    {0x0303, "ecdsa_sha224"},
    {0x0401, "rsa_pkcs1_sha256"},
    {0x0402, "dsa_sha256"},
    {0x0403, "ecdsa_secp256r1_sha256"},
    {0x0501, "rsa_pkcs1_sha384"},
    {0x0502, "dsa_sha384"},
    {0x0503, "ecdsa_secp384r1_sha384"},
    {0x0601, "rsa_pkcs1_sha512"},
    {0x0602, "dsa_sha512"},
    {0x0603, "ecdsa_secp521r1_sha512"},
    {0x0804, "rsa_pss_rsae_sha256"},
    {0x0805, "rsa_pss_rsae_sha384"},
    {0x0806, "rsa_pss_rsae_sha512"},
    {0x0807, "ed25519"},
    {0x0808, "ed448"},
    {0x0809, "rsa_pss_pss_sha256"},
    {0x080a, "rsa_pss_pss_sha384"},
    {0x080b, "rsa_pss_pss_sha512"},
    {0x081a, "ecdsa_brainpoolP256r1tls13_sha256"},
    {0x081b, "ecdsa_brainpoolP384r1tls13_sha384"},
    {0x081c, "ecdsa_brainpoolP512r1tls13_sha512"},
};

const char *mg_live_sigalg_name(unsigned code)
{
    for (size_t i = 0; i < sizeof sigalgs / sizeof sigalgs[0]; i++)
        if (sigalgs[i].code == code) return sigalgs[i].name;
    return NULL;
}

static const struct {
    unsigned type;
    const char *name;
} cert_types[] = {
    {1, "rsa_sign"},       {2, "dss_sign"},          {3, "rsa_fixed_dh"},
    {4, "dss_fixed_dh"},   {64, "ecdsa_sign"},       {65, "rsa_fixed_ecdh"},
    {66, "ecdsa_fixed_ecdh"},
};

const char *mg_live_cert_type_name(unsigned type)
{
    for (size_t i = 0; i < sizeof cert_types / sizeof cert_types[0]; i++)
        if (cert_types[i].type == type) return cert_types[i].name;
    return NULL;
}
