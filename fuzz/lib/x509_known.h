/* The known divergences between the stacks' certificate parsers: each with the field it
 * explains, a test on the input and both views, and why. Benign ones are not bugs; findings
 * are stack bugs already recorded (README "Findings"), listed so fuzzing goes on past them.
 * An entry's test is narrow: it names the encoding that causes the divergence, so a new
 * cause of the same symptom still aborts. The list is the documentation: README points here. */
#ifndef MG_X509_KNOWN_H
#define MG_X509_KNOWN_H

#include "x509_view.h"

typedef struct {
    const uint8_t *der;
    size_t len;
    const mg_x509_view *openssl;
    const mg_x509_view *gnutls;
    const char *field; /* as mg_x509_view_difference names it */
} mg_x509_disagreement;

typedef enum {
    MG_DIVERGENCE_BENIGN,  /* not a bug: the standards allow both, or both stacks refuse */
    MG_DIVERGENCE_FINDING, /* a stack bug, recorded with a reproducer in regressions/x509_diff */
} mg_divergence_kind;

typedef struct {
    const char *id;
    mg_divergence_kind kind;
    const char *field; /* the field it explains */
    bool (*applies)(const mg_x509_disagreement *d);
    const char *why;
} mg_x509_known_divergence;

/* The entry that explains d, or NULL: then it is a finding. */
const mg_x509_known_divergence *mg_x509_known_find(const mg_x509_disagreement *d);

#endif
