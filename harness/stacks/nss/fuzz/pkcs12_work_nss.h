/* The work bound of pkcs12_read.h for NSS. NSS's decoder decrypts each encrypted safe while it
 * decodes (SEC_PKCS12DecoderUpdate) and has no call that reads a bundle's counts first, so
 * the counts are read here, from the DER, before NSS sees the bundle. */
#ifndef MG_PKCS12_WORK_NSS_H
#define MG_PKCS12_WORK_NSS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when no iteration count of the bundle exceeds MG_FUZZ_PKCS12_MAX_ITER. */
bool mg_pkcs12_nss_within_bound(const uint8_t *data, size_t size, const char *password);

#endif
