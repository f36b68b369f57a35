/* The fixture as GnuTLS objects, made once per process and kept for its life. GnuTLS reads
 * "now" from one process-wide time function: mg_fixture_gnutls_init pins it to the fixture
 * time, so verification, CRL and OCSP checks agree with the OpenSSL targets. */
#ifndef MG_FIXTURE_GNUTLS_H
#define MG_FIXTURE_GNUTLS_H

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

/* Pins GnuTLS's clock to the fixture time (idempotent). */
void mg_fixture_gnutls_init(void);
/* Every CA of the matrix as a trust list. */
gnutls_x509_trust_list_t mg_fixture_gnutls_ca_list(void);
/* Every CA of the matrix as certificates (count in *count). */
gnutls_x509_crt_t *mg_fixture_gnutls_cas(unsigned *count);

#endif
