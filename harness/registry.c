#include "registry.h"

#include "mg_strings.h"

#include <stdio.h>
#include <string.h>

#define MG_STACK(name) extern const mg_stack mg_stack_##name;
#include "stack_list.h"
#undef MG_STACK

#define MG_STACK(name) &mg_stack_##name,
const mg_stack *const mg_stacks[] = {
#include "stack_list.h"
    NULL};
#undef MG_STACK

const size_t mg_stack_count = sizeof mg_stacks / sizeof mg_stacks[0] - 1;

_Static_assert(sizeof mg_stacks / sizeof mg_stacks[0] - 1 <= MG_STACK_MAX,
               "more stacks registered than MG_STACK_MAX");

#define MG_KNOWN_STACK(name) #name,
static const char *const known_names[] = {
#include "known_stack_list.h"
    NULL};
#undef MG_KNOWN_STACK

const char *const *mg_stack_known_names(void) { return known_names; }

bool mg_stack_known(const char *name)
{
    for (const char *const *k = known_names; *k; k++)
        if (strcmp(*k, name) == 0) return true;
    return false;
}

const mg_stack *mg_stack_find(const char *name)
{
    for (const mg_stack *const *s = mg_stacks; *s; s++)
        if (strcmp((*s)->name, name) == 0) return *s;
    return NULL;
}

#define MG_STACK(name) #name ", "
static const char names_with_tail[] =
#include "stack_list.h"
    "";
#undef MG_STACK

const char *mg_stack_names_text(void)
{
    /* The table is short and fixed: cut the trailing ", " once into a static copy. */
    static char text[sizeof names_with_tail];
    if (!text[0] && sizeof names_with_tail > 2)
        memcpy(text, names_with_tail, sizeof names_with_tail - 3);
    return text;
}

mg_result mg_stack_versions_text(char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (const mg_stack *const *s = mg_stacks; *s; s++) {
        int n = snprintf(buf + used, len - used, "%s%s %s", used ? ", " : "", (*s)->name,
                         (*s)->version());
        MG_ENSURE(n >= 0 && (size_t)n < len - used, MG_E_INTERNAL,
                  "stack versions do not fit in %zu bytes", len);
        used += (size_t)n;
    }
    return MG_OK;
}

mg_result mg_stack_parse_list(const char *flag, const char *list, const mg_stack **out,
                              size_t *count)
{
    *count = 0;
    if (!list) {
        for (const mg_stack *const *s = mg_stacks; *s; s++) out[(*count)++] = *s;
        return MG_OK;
    }
    mg_strings words = {0};
    mg_result r = mg_strings_add_split(&words, list);
    for (size_t i = 0; mg_ok(r) && i < words.count; i++) {
        const mg_stack *s = mg_stack_find(words.items[i]);
        if (!s) {
            r = mg_fail(MG_E_USAGE, "%s: unknown stack \"%s\" (this build has: %s)", flag,
                        words.items[i], mg_stack_names_text());
            break;
        }
        bool seen = false;
        for (size_t k = 0; k < *count; k++) seen |= out[k] == s;
        if (!seen) out[(*count)++] = s; /* at most mg_stack_count distinct names */
    }
    mg_strings_free(&words);
    MG_GUARD(r);
    MG_ENSURE(*count > 0, MG_E_USAGE, "%s must name at least one stack", flag);
    return MG_OK;
}
