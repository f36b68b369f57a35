/* Files a scenario side needs that the generator does not write as such: a leaf with a chosen
 * chain, a trust bundle of several CAs, several CRLs in one file. */
#ifndef MG_COMPOSE_H
#define MG_COMPOSE_H

#include "make_dirs.h" /* mg_make_dirs lived here; its callers still include compose.h */
#include "mg_result.h"

/* Concatenates the files in `parts` (NULL-terminated) into `out`, mode 0644. */
MG_RESULT mg_concat_files(const char *out, const char *const *parts);

#endif
