/* The work bound of pkcs12_read.h, read with GnuTLS from a bundle as bytes. */
#ifndef MG_PKCS12_WORK_GNUTLS_H
#define MG_PKCS12_WORK_GNUTLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when GnuTLS opening this bundle (PEM or DER, as the harness reads it: MAC, encrypted
 * safes, shrouded keys) with the password stays within the bound; bytes that are no bundle
 * cost nothing. */
bool mg_pkcs12_gnutls_within_bound(const uint8_t *data, size_t size, const char *password);

#endif
