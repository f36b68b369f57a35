/* A user's credential files, PEM or DER (told apart by content), read with the problem named
 * exactly: every message starts with the file, and for a PEM block with its line
 * ("ca.pem:12: PEM block 2 (CERTIFICATE) is not a valid certificate (...)"). Callers that take
 * the file from a flag put the flag in front ("--ca: "). Failures are MG_E_IO for a file that
 * cannot be read, MG_E_INPUT for one whose contents are wrong. */
#ifndef MG_CREDENTIAL_READ_H
#define MG_CREDENTIAL_READ_H

#include "mg_result.h"
#include "read_file.h"

#include <openssl/evp.h>
#include <openssl/x509.h>

/* Files larger than this are refused before they are read: no credential comes near it. */
#define MG_CREDENTIAL_MAX_BYTES MG_READ_CAP_CREDENTIAL

/* At least one certificate, in file order: PEM (any number of CERTIFICATE, X509 CERTIFICATE
 * or TRUSTED CERTIFICATE blocks; other blocks, such as keys, and text between blocks skipped)
 * or DER (one or more objects back to back). Free with sk_X509_pop_free. */
MG_RESULT mg_credential_read_certs(const char *path, STACK_OF(X509) **out);

/* At least one CRL, in file order, read as certificates are (X509 CRL blocks, or DER). */
MG_RESULT mg_credential_read_crls(const char *path, STACK_OF(X509_CRL) **out);

/* A private key: PEM or DER; PKCS#8, SEC1 or PKCS#1; in a PEM file of its own or beside
 * certificates (a combined cert+key file, either order). Encrypted (PKCS#8 or PEM's
 * Proc-Type): with the password, else an error saying how to give it. */
MG_RESULT mg_credential_read_key(const char *path, EVP_PKEY **out);
MG_RESULT mg_credential_read_key_password(const char *path, const char *password,
                                          EVP_PKEY **out);

/* A PKCS#12 file opened with password (required): a wrong password, or no key or no
 * certificate inside, is an error. *chain may come back NULL or empty. */
MG_RESULT mg_credential_read_p12(const char *path, const char *password, EVP_PKEY **key,
                                 X509 **leaf, STACK_OF(X509) **chain);

#endif
