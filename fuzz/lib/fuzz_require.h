/* Fuzz targets cannot return an error: a harness setup failure (a fixture that does not load,
 * an allocation that fails) is a bug of ours, so it stops the process loudly instead. */
#ifndef MG_FUZZ_REQUIRE_H
#define MG_FUZZ_REQUIRE_H

#include "mg_result.h"

/* Prints mg_error_message() and aborts when r failed. */
void mg_fuzz_require(mg_result r);

/* Aborts with the message when cond is false. */
void mg_fuzz_check(int cond, const char *what);

#endif
