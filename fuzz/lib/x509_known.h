/* Known divergences between the stacks' certificate parsers. Each record is data: the field
 * it explains, the stacks it concerns, a test on the input and both views, and why. Benign
 * ones are not bugs; findings are stack bugs already recorded (README "Findings"), listed so
 * fuzzing goes on past them. A test is narrow: it names the encoding that causes the
 * divergence, so a new cause of the same symptom still aborts.
 *
 * A record belongs to one stack (its "self": the stack whose behaviour it describes) and sits
 * in that stack's table (harness/stacks/<stack>/fuzz/, given with its mg_x509_viewer); `peer`
 * names the other stack it was recorded against, or is NULL when it holds against any peer
 * that can answer the questions its test asks. The tables are the documentation: the README
 * points there. */
#ifndef MG_X509_KNOWN_H
#define MG_X509_KNOWN_H

#include "x509_view.h"

/* Questions about the input that a stack answers by re-parsing it (only asked on a
 * disagreement, so cost does not matter). `field` is one of mg_x509_view_difference's
 * extension fields ("eku", "san", "basic-constraints", "key-usage"). Each returns false when
 * the stack cannot tell (the input does not parse, or the stack cannot answer). A stack that
 * answers some sets the rest to the members of mg_x509_no_facts. */
typedef struct {
    /* It parses, but the stack marks the certificate invalid (its verifier refuses it). */
    bool (*marked_invalid)(const uint8_t *der, size_t len);
    /* tbsCertificate.signature differs from signatureAlgorithm (RFC 5280 4.1.1.2). */
    bool (*sigalg_mismatch)(const uint8_t *der, size_t len);
    /* The version is not v3 and the certificate has extensions. */
    bool (*extensions_before_v3)(const uint8_t *der, size_t len);
    /* The stack's DER re-encoding of what it parsed differs from the input. */
    bool (*not_canonical)(const uint8_t *der, size_t len);
    /* Copies the extension's raw value (the OCTET STRING's content) into buf. */
    bool (*extension_value)(const uint8_t *der, size_t len, const char *field, uint8_t *buf,
                            size_t cap, size_t *out_len);
    /* The extension's value fails to decode because an OBJECT IDENTIFIER in it is invalid. */
    bool (*extension_bad_oid)(const uint8_t *der, size_t len, const char *field);
    /* basicConstraints carries a negative pathLenConstraint. */
    bool (*negative_pathlen)(const uint8_t *der, size_t len);
    /* The year written in notBefore (not_after false) or notAfter, whatever else is wrong. */
    bool (*time_year)(const uint8_t *der, size_t len, bool not_after, int *year);
    /* notBefore or notAfter names a day past the end of its month (a valid month, day 29-31). */
    bool (*day_past_month_end)(const uint8_t *der, size_t len);
} mg_x509_facts;

/* Answers nothing: for a stack that has no facts to give. */
extern const mg_x509_facts mg_x509_no_facts;

typedef struct mg_x509_known_divergence mg_x509_known_divergence;

/* One stack's side of a disagreement. */
typedef struct {
    const char *stack; /* its name, as the registry has it */
    const mg_x509_view *view;
    const mg_x509_facts *facts;             /* never NULL (mg_x509_no_facts) */
    const mg_x509_known_divergence *known; /* its records, ended by an id NULL; may be NULL */
} mg_x509_side;

/* A disagreement as one record sees it: `self` is the stack whose table holds the record. */
typedef struct {
    const uint8_t *der;
    size_t len;
    mg_x509_side self, other;
    const char *field; /* as mg_x509_view_difference names it */
} mg_x509_disagreement;

typedef enum {
    MG_DIVERGENCE_BENIGN,  /* not a bug: the standards allow both, or both stacks refuse */
    MG_DIVERGENCE_FINDING, /* a stack bug, recorded with a reproducer in regressions/x509_diff */
} mg_divergence_kind;

struct mg_x509_known_divergence {
    const char *id;
    mg_divergence_kind kind;
    const char *field; /* the field it explains */
    const char *peer;  /* the other stack it concerns; NULL: any peer its test can ask */
    bool (*applies)(const mg_x509_disagreement *d);
    const char *why;
};

/* The record of a's or b's table that explains their disagreement on field, or NULL: then
 * it is new. */
const mg_x509_known_divergence *mg_x509_known_find(const uint8_t *der, size_t len,
                                                   const char *field, const mg_x509_side *a,
                                                   const mg_x509_side *b);

#endif
