/* The registry: every stack this build has, in the order case lists use. The list comes
 * from harness/stacks/stacks.cmake (one registration line a stack); everything that names
 * stacks (the planner, limbo, bench, help texts, versions, reports, tests through
 * `mtlsgrid stacks`) asks here instead of spelling them. */
#ifndef MG_REGISTRY_H
#define MG_REGISTRY_H

#include "stack.h"

#include <stddef.h>

/* At most this many stacks in one build (and so in one --stacks list). */
#define MG_STACK_MAX 16

/* NULL-terminated table of every stack built in. */
extern const mg_stack *const mg_stacks[];
extern const size_t mg_stack_count;

const mg_stack *mg_stack_find(const char *name);

/* Whether `name` is a registered stack, built into this binary or not (the divergence
 * records of a stack this build lacks are data, not typos). */
bool mg_stack_known(const char *name);
const char *const *mg_stack_known_names(void); /* NULL-terminated */

/* "openssl, gnutls": the names, for help texts and messages. */
const char *mg_stack_names_text(void);

/* "openssl 3.0.19, gnutls 3.7.9": each stack with the version of the library linked. */
MG_RESULT mg_stack_versions_text(char *buf, size_t len);

/* Parses a comma-separated list of stack names (NULL: every stack) given with `flag`;
 * repeated names count once. An unknown name is a usage error naming the known ones. */
MG_RESULT mg_stack_parse_list(const char *flag, const char *list, const mg_stack **out,
                              size_t *count);

#endif
