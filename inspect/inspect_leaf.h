/* Which certificate of a file is the one to inspect: files hold a leaf and its chain in any
 * order, or a CA alone. */
#ifndef MG_INSPECT_LEAF_H
#define MG_INSPECT_LEAF_H

#include <openssl/x509.h>

/* The index of the leaf: a certificate that issued none of the others (by name and key
 * identifier, X509_check_issued); among several, a non-CA first, then the earliest in the
 * file. 0 for a single certificate; -1 for an empty stack. */
int mg_inspect_find_leaf(STACK_OF(X509) *certs);

#endif
