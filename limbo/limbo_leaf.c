/* The leaf's fields that decide whether limbo's constraints survive the move into TLS. */
#include "limbo_express.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

/* Limbo asked for no EKU check, but a strict TLS side always asks its purpose: the same
 * question only when the leaf has no EKU extension or names the purpose. */
static bool purpose_forced(const mg_limbo_testcase *t, X509 *leaf, char *why, size_t len)
{
    uint32_t flags = X509_get_extension_flags(leaf);
    if (t->extended_key_usage.count || !(flags & EXFLAG_XKUSAGE) || (flags & EXFLAG_INVALID))
        return false; /* an invalid leaf leaves the EKU unread: the stacks will have their say */
    uint32_t want = t->kind == MG_LIMBO_SERVER ? XKU_SSL_SERVER : XKU_SSL_CLIENT;
    if (X509_get_extended_key_usage(leaf) & want) return false;
    snprintf(why, len, "extended_key_usage is empty (no EKU check), but a TLS %s requires %s and "
                       "the leaf's EKU lacks it",
             t->kind == MG_LIMBO_SERVER ? "client" : "server", mg_limbo_tls_purpose(t->kind));
    return true;
}

static bool san_matches(const GENERAL_NAME *g, const char *kind, const char *value)
{
    int type = -1;
    const ASN1_STRING *s = GENERAL_NAME_get0_value(g, &type);
    if (!s) return false;
    const unsigned char *data = ASN1_STRING_get0_data(s);
    size_t n = (size_t)ASN1_STRING_length(s);
    if ((type == GEN_DNS && strcmp(kind, "DNS") == 0) ||
        (type == GEN_EMAIL && strcmp(kind, "RFC822") == 0))
        return n == strlen(value) && memcmp(data, value, n) == 0;
    unsigned char ip[16];
    if (type == GEN_IPADD && strcmp(kind, "IP") == 0)
        return (n == 4 && inet_pton(AF_INET, value, ip) == 1 && memcmp(ip, data, 4) == 0) ||
               (n == 16 && inet_pton(AF_INET6, value, ip) == 1 && memcmp(ip, data, 16) == 0);
    return false;
}

static bool leaf_has_name(X509 *leaf, const char *kind_value)
{
    const char *colon = strchr(kind_value, ':');
    if (!colon || !leaf) return false;
    char kind[16];
    snprintf(kind, sizeof kind, "%.*s", (int)(colon - kind_value), kind_value);
    GENERAL_NAMES *sans = X509_get_ext_d2i(leaf, NID_subject_alt_name, NULL, NULL);
    bool found = false;
    for (int i = 0; sans && i < sk_GENERAL_NAME_num(sans) && !found; i++)
        found = san_matches(sk_GENERAL_NAME_value(sans, i), kind, colon + 1);
    GENERAL_NAMES_free(sans);
    return found;
}

/* A TLS server cannot be told which name to expect of its client. When every expected name
 * is a SAN of the leaf, name matching cannot change the answer, so the case still runs. */
static bool names_unchecked(const mg_limbo_testcase *t, X509 *leaf, char *why, size_t len)
{
    if (t->kind != MG_LIMBO_CLIENT) return false;
    for (size_t i = 0; i < t->peer_names.count; i++) {
        if (leaf_has_name(leaf, t->peer_names.items[i])) continue;
        snprintf(why, len, "expected_peer_names %s is not a SAN of the leaf (%s), and a TLS server "
                           "cannot be told which client name to expect",
                 t->peer_names.items[i],
                 leaf ? "as read by libcrypto" : "which libcrypto cannot read");
        return true;
    }
    return false;
}

void mg_limbo_leaf_problem(const mg_limbo_testcase *t, char *why, size_t len)
{
    why[0] = '\0';
    BIO *bio = BIO_new_mem_buf(t->peer_cert, -1);
    X509 *leaf = bio ? PEM_read_bio_X509(bio, NULL, NULL, NULL) : NULL;
    BIO_free(bio);
    ERR_clear_error();
    if (!(leaf && purpose_forced(t, leaf, why, len))) names_unchecked(t, leaf, why, len);
    X509_free(leaf);
}
