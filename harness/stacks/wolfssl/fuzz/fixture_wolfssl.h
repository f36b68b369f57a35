/* The fixture as wolfSSL objects, made once per process and kept for its life. wolfCrypt
 * reads "now" through the one process-wide wc_SetTimeCb: mg_fixture_wolfssl_init pins it to
 * the fixture time, so verification and CRL checks agree with the other stacks' targets. */
#ifndef MG_FIXTURE_WOLFSSL_H
#define MG_FIXTURE_WOLFSSL_H

#include <wolfssl/options.h> /* first: the build's feature macros */

#include <wolfssl/ssl.h>

/* wolfSSL_Init and the pinned clock (idempotent). */
void mg_fixture_wolfssl_init(void);
/* A certificate manager trusting every CA of the matrix, CRL checking on for the whole chain
 * and no CRL loaded: verification and CRL loading go through it. */
WOLFSSL_CERT_MANAGER *mg_fixture_wolfssl_cm(void);

#endif
