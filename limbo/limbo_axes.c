/* --stacks and --tls of a limbo run; repeated values count once. */
#include "limbo_plan.h"

#include "backends.h"

#include <string.h>

static bool listed(const mg_stack *const *stacks, size_t n, const mg_stack *s)
{
    for (size_t i = 0; i < n; i++)
        if (stacks[i] == s) return true;
    return false;
}

mg_result mg_limbo_parse_axes(const mg_limbo_options *o, mg_limbo_plan *plan)
{
    mg_strings words = {0};
    mg_result r = mg_strings_add_split(&words, o->stacks ? o->stacks : "openssl,gnutls");
    for (size_t i = 0; mg_ok(r) && i < words.count; i++) {
        const mg_stack *s = mg_stack_find(words.items[i]);
        if (!s)
            r = mg_fail(MG_E_USAGE, "--stacks: unknown stack \"%s\" (known: openssl, gnutls)",
                        words.items[i]);
        else if (!listed(plan->stacks, plan->stack_count, s) &&
                 plan->stack_count < MG_LIMBO_MAX_STACKS)
            plan->stacks[plan->stack_count++] = s;
    }
    mg_strings_free(&words);
    MG_GUARD(r);
    r = mg_strings_add_split(&words, o->tls ? o->tls : "1.2,1.3");
    for (size_t i = 0; mg_ok(r) && i < words.count; i++) {
        const char *w = words.items[i];
        mg_tls_version v = strcmp(w, "1.2") == 0 ? MG_TLS12 : MG_TLS13;
        if (strcmp(w, "1.2") != 0 && strcmp(w, "1.3") != 0)
            r = mg_fail(MG_E_USAGE, "--tls: unknown version \"%s\" (1.2 or 1.3)", w);
        else if (!(plan->tls_count && plan->tls[0] == v) && plan->tls_count < 2)
            plan->tls[plan->tls_count++] = v;
    }
    mg_strings_free(&words);
    MG_GUARD(r);
    MG_ENSURE(plan->stack_count && plan->tls_count, MG_E_USAGE,
              "--stacks and --tls must each name at least one value");
    return MG_OK;
}
