/* The built-in backends, in the order case lists use. Adding a stack means adding it here
 * and in stacks.c; the runner and the command line take it from the table. */
#ifndef MG_BACKENDS_H
#define MG_BACKENDS_H

#include "stack.h"

extern const mg_stack mg_stack_openssl;
extern const mg_stack mg_stack_gnutls;

/* NULL-terminated table of every built-in stack. */
extern const mg_stack *const mg_stacks[];

const mg_stack *mg_stack_find(const char *name);

#endif
