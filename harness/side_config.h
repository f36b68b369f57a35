/* Whether two side configurations describe the same side: every field equal, paths compared
 * as text. A context made from one serves the other unchanged, so a planner can point every
 * case whose side reads alike at one config and a worker makes that context once. */
#ifndef MG_SIDE_CONFIG_H
#define MG_SIDE_CONFIG_H

#include "stack.h"

#include <stdbool.h>
#include <stdint.h>

bool mg_side_config_same(const mg_side_config *a, const mg_side_config *b);

/* Equal for configs that are the same (for hash tables). */
uint64_t mg_side_config_hash(const mg_side_config *c);

#endif
