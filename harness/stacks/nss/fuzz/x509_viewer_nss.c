/* The view entry: NSS's view of a certificate and its known divergences, for the
 * differential target. NSS answers the questions other stacks' records ask that its decoding can
 * (x509_facts_nss.h). */
#include "nss_fuzz.h"

#include "x509_facts_nss.h"
#include "x509_known_nss.h"
#include "x509_view_nss.h"

const mg_x509_viewer mg_fuzz_nss_view = {
    .view = mg_x509_view_nss,
    .facts = &mg_x509_facts_nss,
    .known = mg_x509_known_nss,
};
