/* A profile row expanded for one side: every field concrete, ready to issue. */
#ifndef MG_SPEC_H
#define MG_SPEC_H

#include "profile.h"

#include <stdint.h>

#define MG_NAME_MAX 96

typedef struct {
    const mg_profile_row *row;
    mg_side side;
    char name[MG_NAME_MAX];
    char issuer[MG_NAME_MAX];   /* "" when self-signed */
    char copy_of[MG_NAME_MAX];  /* "" unless the certificate is another artifact's */
    char key_label[MG_NAME_MAX];
    char cn[MG_NAME_MAX];
    char san[256];
    char host[MG_NAME_MAX];     /* "" when none */
    char name_constraints[256]; /* "" when none */
    const char *role;           /* "root", "intermediate", "client", "server", "responder" */
    const char *profile;        /* "root-ca", "intermediate-ca", "client-leaf", ... */
    const char *defect;         /* NULL: none */
    const char *feature;        /* NULL: none */
    int is_ca;
    unsigned eku, ku, flags;
    int64_t not_before, not_after; /* seconds relative to the reference time */
} mg_cert_spec;

const char *mg_side_name(mg_side side);

/* Copies `tmpl` into out (cap bytes) with each "%s" replaced by the side's name. */
MG_RESULT mg_expand(const char *tmpl, mg_side side, char *out, size_t cap);

/* Fills `spec` from `row` for `side`, applying the defaults of kind and side. */
MG_RESULT mg_spec_from_row(const mg_profile_row *row, mg_side side, mg_cert_spec *spec);

/* Validity window of `window` for `kind`, relative to the reference time. */
void mg_window_offsets(mg_cert_kind kind, mg_window window, int64_t *not_before,
                       int64_t *not_after);

#endif
