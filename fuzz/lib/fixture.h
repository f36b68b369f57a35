/* The credentials every target shares, taken from a matrix made by gen at build time
 * (tools/make_fixture.c writes fixture_data.c into the build folder), so that each target is
 * one self-contained binary (OSS-Fuzz runs it with nothing beside it) and the seeds made from
 * the same matrix chain to the same roots. */
#ifndef MG_FIXTURE_H
#define MG_FIXTURE_H

#include <stdint.h>

/* The server of the flight targets: its certificate then its chain, and its key (PEM). */
extern const char mg_fixture_server_chain_pem[];
extern const char mg_fixture_server_key_pem[];
/* What that server trusts for client certificates: the client root (PEM). */
extern const char mg_fixture_client_trust_pem[];
/* Every CA certificate of the matrix (PEM): issuers for CRL, OCSP and chain checks. */
extern const char mg_fixture_ca_bundle_pem[];
/* The password the PKCS#12 targets try, and the seeds are sealed with. */
extern const char mg_fixture_p12_password[];
/* The instant every target verifies at (the matrix's reference time). */
extern const int64_t mg_fixture_time;

#endif
