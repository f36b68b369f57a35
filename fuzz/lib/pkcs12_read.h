/* The bodies of the PKCS#12 parse targets: parse DER, verify the MAC, open every safe and
 * bag (certificates, keys, shrouded keys, CRLs, attributes) with the fixture password, then
 * run each stack's one-call parser (PKCS12_parse, gnutls_pkcs12_simple_parse).
 *
 * Work bound: a KDF's cost is its iteration count, which the file chooses; any count is
 * valid and only slow. Counts above MG_FUZZ_PKCS12_MAX_ITER (and scrypt costs above the
 * same bound) are read but not run, so a slow input cannot pass for a hang. The KDF code
 * is the same at every count. This bounds work; it hides no input from any parser. */
#ifndef MG_PKCS12_READ_H
#define MG_PKCS12_READ_H

#include <stddef.h>
#include <stdint.h>

#define MG_FUZZ_PKCS12_MAX_ITER 64

void mg_fuzz_pkcs12_openssl(const uint8_t *data, size_t size);
void mg_fuzz_pkcs12_gnutls(const uint8_t *data, size_t size);

#endif
