/* The view entry: wolfSSL's view of a certificate and its known divergences, for the
 * differential target. wolfSSL answers none of the questions other stacks' records ask. */
#include "wolfssl_fuzz.h"

#include "x509_known_wolfssl.h"
#include "x509_view_wolfssl.h"

const mg_x509_viewer mg_fuzz_wolfssl_view = {
    .view = mg_x509_view_wolfssl,
    .facts = &mg_x509_no_facts,
    .known = mg_x509_known_wolfssl,
};
