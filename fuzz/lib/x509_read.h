/* The bodies of the x509 parse targets: parse a DER certificate, then read everything a
 * verifier reads (EKU, key usage, SAN of every type, basic and name constraints, validity,
 * policies, key identifiers, the public key), check it against host, email and IP names,
 * print it, and verify it against the fixture CAs at the fixture time. */
#ifndef MG_X509_READ_H
#define MG_X509_READ_H

#include <stddef.h>
#include <stdint.h>

void mg_fuzz_x509_openssl(const uint8_t *data, size_t size);
void mg_fuzz_x509_gnutls(const uint8_t *data, size_t size);

/* The names the certificate is checked against (those the matrix's leaves carry). */
#define MG_FUZZ_HOST "server.test"
#define MG_FUZZ_EMAIL "client@client.test"
#define MG_FUZZ_IP "127.0.0.1"

#endif
