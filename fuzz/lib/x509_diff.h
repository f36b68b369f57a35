/* The differential target's body: every stack that has the view entry (fuzz_entry.h) parses
 * the same DER input, and the views (x509_view.h) of every pair of them are compared. A
 * disagreement is printed with both views; it aborts (so libFuzzer keeps the input) unless a
 * known divergence of either stack (x509_known.h) explains it. For triage,
 * MG_FUZZ_DIFF_REPORT_ONLY=1 in the environment prints instead of aborting,
 * MG_FUZZ_DIFF_SAVE=DIR keeps the unexplained inputs there, and MG_FUZZ_DIFF_VERBOSE=1
 * names the known divergence that explains each disagreement. */
#ifndef MG_X509_DIFF_H
#define MG_X509_DIFF_H

#include "stack.h"
#include "x509_known.h"
#include "x509_view.h"

/* A stack's view entry, mg_fuzz_<stack>_view: how it reads a certificate, what it can tell
 * about an input, and its known divergences. */
typedef struct {
    /* Fills view from the DER input (view zeroed first). */
    void (*view)(const uint8_t *der, size_t len, mg_x509_view *view);
    const mg_x509_facts *facts;            /* never NULL (mg_x509_no_facts) */
    const mg_x509_known_divergence *known; /* ended by an id NULL; may be NULL */
} mg_x509_viewer;

/* A viewer with its stack (the registry's, for its name). */
typedef struct {
    const mg_stack *stack;
    const mg_x509_viewer *viewer;
} mg_x509_named_viewer;

/* The first field on which the views disagree ("accepted", "eku", "san",
 * "basic-constraints", "key-usage", "validity"), or NULL when they agree. */
const char *mg_x509_view_difference(const mg_x509_view *a, const mg_x509_view *b);

/* Compares the views of every pair of the count viewers (at most MG_X509_DIFF_MAX_STACKS). */
#define MG_X509_DIFF_MAX_STACKS 16
void mg_fuzz_x509_diff(const mg_x509_named_viewer *viewers, size_t count, const uint8_t *data,
                       size_t size);

#endif
