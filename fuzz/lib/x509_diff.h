/* The differential target's body: both stacks parse the same DER input and their views
 * (x509_view.h) are compared. A disagreement is printed with both views; it aborts (so
 * libFuzzer keeps the input) unless a documented benign divergence (x509_known.c) explains
 * it. For triage, MG_FUZZ_DIFF_REPORT_ONLY=1 in the environment prints instead of aborting,
 * MG_FUZZ_DIFF_SAVE=DIR keeps the unexplained inputs there, and MG_FUZZ_DIFF_VERBOSE=1
 * names the known divergence that explains each disagreement. */
#ifndef MG_X509_DIFF_H
#define MG_X509_DIFF_H

#include "x509_view.h"

/* The first field on which the views disagree ("accepted", "eku", "san",
 * "basic-constraints", "key-usage", "validity"), or NULL when they agree. */
const char *mg_x509_view_difference(const mg_x509_view *openssl, const mg_x509_view *gnutls);

void mg_fuzz_x509_diff(const uint8_t *data, size_t size);

#endif
