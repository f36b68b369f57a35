/* The output folder: checked before anything is written, filled as a hidden temporary
 * folder beside it, and renamed into place only when complete, so a half-written matrix
 * never looks like a matrix. */
#ifndef MG_OUTDIR_H
#define MG_OUTDIR_H

#include "mg_result.h"

/* MG_OK when `out` is absent, an empty folder, or a previous matrix (a manifest.json made by
 * this generator and only that manifest's artifact folders beside it). */
MG_RESULT mg_outdir_check(const char *out);

/* Creates "<parent>/.<name>.tmp-XXXXXX" beside `out`; *tmp is malloc'd. */
MG_RESULT mg_outdir_make_temp(const char *out, char **tmp);

/* Moves the finished `tmp` to `out`, replacing an empty folder or a previous matrix. */
MG_RESULT mg_outdir_commit(const char *tmp, const char *out);


#endif
