/* The view entry: OpenSSL's view of a certificate, what it can tell about an input, and its
 * known divergences, for the differential target. */
#include "openssl_fuzz.h"

#include "x509_facts_openssl.h"
#include "x509_known_openssl.h"
#include "x509_view_openssl.h"

const mg_x509_viewer mg_fuzz_openssl_view = {
    .view = mg_x509_view_openssl,
    .facts = &mg_x509_facts_openssl,
    .known = mg_x509_known_openssl,
};
