/* The work bound of pkcs12_read.h, read from OpenSSL's parsed algorithm identifiers. */
#ifndef MG_PKCS12_WORK_OPENSSL_H
#define MG_PKCS12_WORK_OPENSSL_H

#include <openssl/pkcs12.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when decrypting with this password-based scheme costs at most the bound (a scheme
 * that is not password-based, or that cannot be read, costs nothing: it fails early). */
bool mg_pbe_within_bound(const X509_ALGOR *alg);
/* True when the MAC (if any) and every encrypted safe and shrouded key are within bound. */
bool mg_pkcs12_within_bound(const PKCS12 *p12, const char *password);
/* The same for a DER bundle as bytes (bytes that are no bundle cost nothing). */
bool mg_pkcs12_der_within_bound(const uint8_t *data, size_t size, const char *password);

#endif
