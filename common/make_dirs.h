#ifndef MG_MAKE_DIRS_H
#define MG_MAKE_DIRS_H

#include "mg_result.h"

/* mkdir -p: every missing folder of path, mode 0755; a file in the way is an error. */
MG_RESULT mg_make_dirs(const char *path);

#endif
