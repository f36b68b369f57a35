/* The x509 entry (mg_fuzz_<stack>_x509, fuzz_entry.h): parse a DER certificate, then read
 * everything a verifier reads (EKU, key usage, SAN of every type, basic and name constraints,
 * validity, policies, key identifiers, the public key), check it against host, email and IP
 * names, print it, and verify it against the fixture CAs at the fixture time. */
#ifndef MG_X509_READ_H
#define MG_X509_READ_H

/* The names the certificate is checked against (those the matrix's leaves carry). */
#define MG_FUZZ_HOST "server.test"
#define MG_FUZZ_EMAIL "client@client.test"
#define MG_FUZZ_IP "127.0.0.1"

#endif
