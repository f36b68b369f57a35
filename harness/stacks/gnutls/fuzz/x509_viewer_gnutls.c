/* The view entry: GnuTLS's view of a certificate and its known divergences, for the
 * differential target. GnuTLS answers none of the questions other stacks' records ask. */
#include "gnutls_fuzz.h"

#include "x509_known_gnutls.h"
#include "x509_view_gnutls.h"

const mg_x509_viewer mg_fuzz_gnutls_view = {
    .view = mg_x509_view_gnutls,
    .facts = &mg_x509_no_facts,
    .known = mg_x509_known_gnutls,
};
