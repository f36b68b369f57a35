/* The host a client verifies when the user names none: what the server certificate itself
 * claims first (a DNS or IP subjectAltName, else the CN), so the grid shows whether the
 * pair works at all; --host checks the name clients really use. */
#include "handshake_parts.h"

#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

static bool san_name(X509 *leaf, char *out, size_t len)
{
    GENERAL_NAMES *names = X509_get_ext_d2i(leaf, NID_subject_alt_name, NULL, NULL);
    bool found = false;
    for (int i = 0; !found && i < sk_GENERAL_NAME_num(names); i++) {
        const GENERAL_NAME *g = sk_GENERAL_NAME_value(names, i);
        if (g->type == GEN_DNS) {
            const unsigned char *s = ASN1_STRING_get0_data(g->d.dNSName);
            int n = ASN1_STRING_length(g->d.dNSName);
            found = n > 0 && (size_t)n < len && memchr(s, '\0', (size_t)n) == NULL;
            if (found) snprintf(out, len, "%.*s", n, (const char *)s);
        } else if (g->type == GEN_IPADD) {
            int n = ASN1_STRING_length(g->d.iPAddress);
            const unsigned char *ip = ASN1_STRING_get0_data(g->d.iPAddress);
            found = (n == 4 || n == 16) && inet_ntop(n == 4 ? AF_INET : AF_INET6, ip, out,
                                                     (socklen_t)len) != NULL;
        }
    }
    GENERAL_NAMES_free(names);
    return found;
}

mg_result mg_hs_first_name(STACK_OF(X509) *chain, char *out, size_t len)
{
    X509 *leaf = sk_X509_value(chain, 0);
    if (leaf && san_name(leaf, out, len)) return MG_OK;
    int got = leaf ? X509_NAME_get_text_by_NID(X509_get_subject_name(leaf), NID_commonName, out,
                                               (int)len)
                   : -1;
    MG_ENSURE(got > 0, MG_E_USAGE,
              "--host NAME is required: the server certificate names no host (no DNS or IP "
              "subjectAltName, no CN)");
    return MG_OK;
}
