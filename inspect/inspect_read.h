/* Certificates and CRLs from a file the user names, as credentials/credential_read.h reads
 * them: PEM (any number of blocks, other block types such as keys skipped, text between blocks
 * ignored) or DER (one or more objects back to back). Every failure names the file (and for a
 * PEM block its line) and what is wrong with it. */
#ifndef MG_INSPECT_READ_H
#define MG_INSPECT_READ_H

#include "mg_result.h"

#include <openssl/x509.h>

/* At least one certificate, in file order. */
MG_RESULT mg_inspect_read_certs(const char *path, STACK_OF(X509) **out);

/* The certificates of a FILE to inspect: as mg_inspect_read_certs, or a PKCS#12 bundle
 * (.p12/.pfx) opened with p12_password (its leaf first, then the bundle's other certificates);
 * a bundle without a password is a usage error saying how to give one. */
MG_RESULT mg_inspect_read_file_certs(const char *path, const char *p12_password,
                                     STACK_OF(X509) **out);

/* At least one CRL, in file order. */
MG_RESULT mg_inspect_read_crls(const char *path, STACK_OF(X509_CRL) **out);

#endif
