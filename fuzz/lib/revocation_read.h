/* The bodies of the CRL and OCSP parse targets: parse DER, read every field and extension a
 * revocation check reads, print it, check its signature against the fixture CAs at the
 * fixture time, and look the fixture's certificates up in it. */
#ifndef MG_REVOCATION_READ_H
#define MG_REVOCATION_READ_H

#include <stddef.h>
#include <stdint.h>

void mg_fuzz_crl_openssl(const uint8_t *data, size_t size);
void mg_fuzz_crl_gnutls(const uint8_t *data, size_t size);
void mg_fuzz_ocsp_openssl(const uint8_t *data, size_t size);
void mg_fuzz_ocsp_gnutls(const uint8_t *data, size_t size);

#endif
