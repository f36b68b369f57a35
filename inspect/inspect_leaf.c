#include "inspect_leaf.h"

#include <openssl/x509v3.h>

#include <stdbool.h>

static bool issued_another(STACK_OF(X509) *certs, int candidate)
{
    X509 *issuer = sk_X509_value(certs, candidate);
    for (int i = 0; i < sk_X509_num(certs); i++)
        if (i != candidate && X509_check_issued(issuer, sk_X509_value(certs, i)) == X509_V_OK)
            return true;
    return false;
}

int mg_inspect_find_leaf(STACK_OF(X509) *certs)
{
    int count = sk_X509_num(certs), first_end = -1;
    for (int i = 0; i < count; i++) {
        if (issued_another(certs, i)) continue;
        if (X509_check_ca(sk_X509_value(certs, i)) == 0) return i;
        if (first_end < 0) first_end = i;
    }
    if (first_end >= 0) return first_end;
    return count > 0 ? 0 : -1;
}
