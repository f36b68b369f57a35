/* Which peer keys a TLS handshake can sign with, read with libcrypto. TLS 1.3 signs with
 * ECDSA on P-256/P-384/P-521, RSA (PKCS#1 and PSS) and EdDSA; TLS 1.2 adds nothing both
 * stacks enable (their default priorities have no DSA suites, and an ECDSA certificate must
 * sit on a group the client offers: the same three curves). */
#include "limbo_express.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <stdio.h>
#include <string.h>

/* Never prompts: a key that needs a password is one we cannot read. */
static int no_password(char *buf, int size, int rwflag, void *u)
{
    (void)buf, (void)size, (void)rwflag, (void)u;
    return 0;
}

static void ec_problem(const EVP_PKEY *key, char *why, size_t len)
{
    static const char *const signable[] = {"prime256v1", "P-256", "secp384r1", "P-384",
                                           "secp521r1", "P-521"};
    char group[80] = "";
    size_t got = 0;
    if (!EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group,
                                        &got)) {
        snprintf(why, len, "EC key with explicit curve parameters: TLS signature schemes name "
                           "their curve");
        return;
    }
    for (size_t i = 0; i < sizeof signable / sizeof signable[0]; i++)
        if (strcmp(group, signable[i]) == 0) return;
    snprintf(why, len, "EC key on %s: TLS signs with ECDSA on P-256, P-384 and P-521 only", group);
}

void mg_limbo_key_problem(const char *key_pem, char *why, size_t len)
{
    why[0] = '\0';
    BIO *bio = BIO_new_mem_buf(key_pem, -1);
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio, NULL, no_password, NULL) : NULL;
    BIO_free(bio);
    ERR_clear_error();
    if (!key) return;
    switch (EVP_PKEY_get_base_id(key)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS:
    case EVP_PKEY_ED25519:
    case EVP_PKEY_ED448: break;
    case EVP_PKEY_EC: ec_problem(key, why, len); break;
    case EVP_PKEY_DSA:
        snprintf(why, len, "DSA key: TLS 1.3 has no DSA signatures and neither stack enables "
                           "DSA cipher suites in TLS 1.2");
        break;
    default:
        snprintf(why, len, "%s key: no TLS signature scheme in these stacks",
                 EVP_PKEY_get0_type_name(key) ? EVP_PKEY_get0_type_name(key) : "unknown");
    }
    EVP_PKEY_free(key);
}
