/* The work bound of pkcs12_read.h for wolfSSL, which has no call that reads a bundle's KDF
 * counts without running the KDF. */
#ifndef MG_PKCS12_WORK_WOLFSSL_H
#define MG_PKCS12_WORK_WOLFSSL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when no iteration count of the bundle can exceed MG_FUZZ_PKCS12_MAX_ITER. */
bool mg_pkcs12_wolfssl_within_bound(const uint8_t *data, size_t size, const char *password);

#endif
