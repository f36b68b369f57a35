/* The files a user hands to `mtlsgrid handshake`, read through the one credential reader
 * (credentials/credential_read.h), each message with its flag in front: "--client-cert:
 * client.pem:12: PEM block 2 (CERTIFICATE) is not a valid certificate (...)". */
#ifndef MG_HANDSHAKE_READ_H
#define MG_HANDSHAKE_READ_H

#include "mg_result.h"

#include <openssl/evp.h>
#include <openssl/x509.h>

/* flag: the option's name without dashes ("server-cert"). */

/* Appends every certificate in the file, in file order; none at all is an error. */
MG_RESULT mg_hs_read_certs(const char *flag, const char *path, STACK_OF(X509) *out);

/* An unencrypted private key: PEM or DER; PKCS#8, SEC1 or PKCS#1. */
MG_RESULT mg_hs_read_key(const char *flag, const char *path, EVP_PKEY **out);

/* A side's own key: from --KEY-FLAG's file, or, when that is not given, from the certificate
 * file itself (a combined cert+key PEM, as curl's --cert takes); encrypted with password. */
MG_RESULT mg_hs_read_own_key(const char *key_flag, const char *key_path, const char *cert_flag,
                             const char *cert_path, const char *password, EVP_PKEY **out);

/* A PKCS#12 file: no password (--p12-password), a wrong one, or no key or no certificate in
 * it, is an error. */
MG_RESULT mg_hs_read_p12(const char *flag, const char *path, const char *password,
                         EVP_PKEY **key, X509 **leaf, STACK_OF(X509) **chain);

/* Appends every CRL in the file (PEM or DER); none at all is an error. */
MG_RESULT mg_hs_read_crls(const char *flag, const char *path, STACK_OF(X509_CRL) *out);

/* Writes PEM copies for the stacks. */
MG_RESULT mg_hs_write_certs(const char *path, STACK_OF(X509) *certs);
MG_RESULT mg_hs_write_crls(const char *path, STACK_OF(X509_CRL) *crls);

#endif
