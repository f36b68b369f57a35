/* Where the run-time data is (the scenario catalogue and the divergences): MTLSGRID_DATA, or
 * the installed layout beside the running binary, <prefix>/bin/mtlsgrid ->
 * <prefix>/share/mtlsgrid. A build tree mirrors that layout (BUILD/share/mtlsgrid links to the
 * source folders), so no path of the source tree is compiled in. */
#ifndef MG_DATA_DIR_H
#define MG_DATA_DIR_H

#include "mg_result.h"

#include <stddef.h>

/* The data folder into buf; MG_E_INPUT, naming where it looked, when it has no catalogue/. */
MG_RESULT mg_data_dir(char *buf, size_t len);

#endif
