/* Reads the files a user hands to `mtlsgrid handshake`, PEM or DER (told apart by content),
 * and says exactly what is wrong, naming the flag, the file and, for PEM, the line. */
#ifndef MG_HANDSHAKE_READ_H
#define MG_HANDSHAKE_READ_H

#include "mg_result.h"

#include <openssl/evp.h>
#include <openssl/x509.h>

/* Appends every certificate in the file, in file order; none at all is an error. */
MG_RESULT mg_hs_read_certs(const char *flag, const char *path, STACK_OF(X509) *out);

/* An unencrypted private key: PEM or DER; PKCS#8, SEC1 or PKCS#1. */
MG_RESULT mg_hs_read_key(const char *flag, const char *path, EVP_PKEY **out);

/* A PKCS#12 file: a wrong password, or no key or no certificate in it, is an error. */
MG_RESULT mg_hs_read_p12(const char *flag, const char *path, const char *password,
                         EVP_PKEY **key, X509 **leaf, STACK_OF(X509) **chain);

/* Appends every CRL in the file (PEM or DER); none at all is an error. */
MG_RESULT mg_hs_read_crls(const char *flag, const char *path, STACK_OF(X509_CRL) *out);

/* Writes PEM copies for the stacks (keys mode 0600). */
MG_RESULT mg_hs_write_certs(const char *path, STACK_OF(X509) *certs);
MG_RESULT mg_hs_write_key(const char *path, EVP_PKEY *key);
MG_RESULT mg_hs_write_crls(const char *path, STACK_OF(X509_CRL) *crls);

/* The whole file in memory (NUL-terminated); an empty or unreadable file is an error. */
MG_RESULT mg_hs_slurp(const char *flag, const char *path, unsigned char **data, size_t *len);

#endif
