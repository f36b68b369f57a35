/* Version ranges, as divergence records' `versions` field states the versions a behaviour
 * was seen on: "|" separates alternatives, each a comma-separated list of constraints that
 * must all hold; a constraint is OP VERSION (>=, >, <=, <, =, !=), compared numerically
 * component by component (3.10 > 3.9; a missing component is 0, so 3.5.7 is not <3.5; a
 * trailing letter is one more component, so 1.1.1w > 1.1.1), or a glob over the whole
 * version text (3.7.*).  Examples: ">=3.0, <3.5", "1.1.1* | >=3.5", "3.0.19 | 3.5.7". */
#ifndef MG_VERSION_RANGE_H
#define MG_VERSION_RANGE_H

#include <stdbool.h>
#include <stddef.h>

/* <0, 0 or >0 as a is older than, the same as or newer than b. */
int mg_version_compare(const char *a, const char *b);

/* Whether version satisfies range (NULL version: none does). A malformed range matches
 * nothing; mg_version_range_check says why it is malformed. */
bool mg_version_range_match(const char *range, const char *version);

/* NULL when range is well formed, else a static message naming the bad constraint. */
const char *mg_version_range_check(const char *range);

#endif
