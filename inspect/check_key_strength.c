/* Key strength: at least 112 bits of security (RSA 2048, P-224), the floor of OpenSSL's
 * security level 2 (Debian's and Ubuntu's default), of browsers, and of NIST SP 800-131A. */
#include "inspect_internal.h"

#include <openssl/evp.h>

#include <stdio.h>
#include <string.h>

#define MG_MIN_SECURITY_BITS 112

char *mg_inspect_key_text(X509 *cert)
{
    EVP_PKEY *key = X509_get0_pubkey(cert);
    char text[96], group[64] = "";
    size_t group_len = 0;
    if (!key) return strdup("unreadable public key");
    const char *type = EVP_PKEY_get0_type_name(key);
    if (EVP_PKEY_get_base_id(key) == EVP_PKEY_EC &&
        EVP_PKEY_get_group_name(key, group, sizeof group, &group_len))
        snprintf(text, sizeof text, "EC %s (%d bits)", group, EVP_PKEY_get_bits(key));
    else
        snprintf(text, sizeof text, "%s %d bits", type ? type : "unknown", EVP_PKEY_get_bits(key));
    return strdup(text);
}

mg_result mg_check_key_strength(const mg_inspect_subject *s, mg_inspect_report *r)
{
    EVP_PKEY *key = X509_get0_pubkey(s->leaf);
    if (!key)
        return mg_inspect_add_problem(r, "chain-other",
                                      "Its public key cannot be read (an algorithm this OpenSSL "
                                      "does not know, or a malformed key).");
    int security = EVP_PKEY_get_security_bits(key);
    if (security >= MG_MIN_SECURITY_BITS)
        return mg_inspect_add_passed(r, "key", "%s, %d-bit security", r->key, security);
    return mg_inspect_add_problem(r, "weak-key",
                                  "Its key is %s, about %d-bit security; at least %d are needed "
                                  "(RSA 2048 bits, or an EC key such as P-256): OpenSSL at "
                                  "security level 2 (the Debian and Ubuntu default), browsers and "
                                  "NIST SP 800-131A refuse less.",
                                  r->key, security, MG_MIN_SECURITY_BITS);
}
