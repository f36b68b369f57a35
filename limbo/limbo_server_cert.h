/* In a CLIENT testcase the server judges the client's chain, but mutual TLS needs the server
 * to present a certificate too: one that every client accepts, made once per run. */
#ifndef MG_LIMBO_SERVER_CERT_H
#define MG_LIMBO_SERVER_CERT_H

#include "mg_result.h"

#include <stddef.h>

/* The DNS name the certificate carries and the client verifies. */
#define MG_LIMBO_SERVER_NAME "limbo-server.mtlsgrid.test"

/* Writes DIR/limbo-server.pem (self-signed, P-256, SAN MG_LIMBO_SERVER_NAME, EKU serverAuth,
 * valid 1950 to 9999 so that any validation_time suits it) and DIR/limbo-server.key (0600). */
MG_RESULT mg_limbo_write_server_credential(const char *dir, char *cert_path, char *key_path,
                                           size_t len);

#endif
