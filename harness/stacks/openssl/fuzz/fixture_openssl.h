/* The fixture as OpenSSL objects, made once per process and kept for its life. */
#ifndef MG_FIXTURE_OPENSSL_H
#define MG_FIXTURE_OPENSSL_H

#include <openssl/bio.h>
#include <openssl/x509.h>

/* Every CA of the matrix, trusted, verifying at the fixture time. */
X509_STORE *mg_fixture_openssl_ca_store(void);
/* The client root only, verifying at the fixture time: the flight server's trust. */
X509_STORE *mg_fixture_openssl_client_store(void);
/* Loads every certificate of a PEM text (aborts on a fixture that does not parse). */
STACK_OF(X509) *mg_fixture_openssl_certs(const char *pem);
/* A BIO that swallows what is printed into it (printing is exercised, not kept). */
BIO *mg_fixture_openssl_sink(void);

#endif
