#include "backends.h"

#include <string.h>

const mg_stack *const mg_stacks[] = {&mg_stack_openssl, &mg_stack_gnutls, NULL};

const mg_stack *mg_stack_find(const char *name)
{
    for (const mg_stack *const *s = mg_stacks; *s; s++)
        if (strcmp((*s)->name, name) == 0) return *s;
    return NULL;
}
