/* The certificates issued so far in a run, by name, with their issuer links. */
#include "gen_internal.h"

#include <openssl/x509.h>
#include <stdlib.h>
#include <string.h>

int mg_issued_find(const mg_gen *g, const char *name)
{
    for (size_t i = 0; i < g->issued_count; i++)
        if (strcmp(g->issued[i].name, name) == 0) return (int)i;
    return -1;
}

MG_RESULT mg_issued_add(mg_gen *g, const char *name, X509 *cert, EVP_PKEY *key, int issuer,
                        int is_ca)
{
    if (g->issued_count == g->issued_cap) {
        size_t cap = g->issued_cap ? g->issued_cap * 2 : 128;
        mg_issued *grown = realloc(g->issued, cap * sizeof *grown);
        if (grown == NULL) {
            X509_free(cert);
            return mg_fail(MG_E_INTERNAL, "out of memory");
        }
        g->issued = grown;
        g->issued_cap = cap;
    }
    char *copy = strdup(name);
    if (copy == NULL) {
        X509_free(cert);
        return mg_fail(MG_E_INTERNAL, "out of memory");
    }
    g->issued[g->issued_count++] = (mg_issued){copy, cert, key, issuer, is_ca};
    return MG_OK;
}

void mg_issued_free(mg_gen *g)
{
    for (size_t i = 0; i < g->issued_count; i++) {
        free(g->issued[i].name);
        X509_free(g->issued[i].cert);
    }
    free(g->issued);
    g->issued = NULL;
    g->issued_count = g->issued_cap = 0;
}

int mg_issued_root(const mg_gen *g, int index)
{
    while (g->issued[index].issuer >= 0) index = g->issued[index].issuer;
    return index;
}
