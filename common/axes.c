#include "axes.h"

#include "mg_strings.h"

#include <string.h>

static const struct {
    const char *name;
    mg_tls_version value;
} tls_names[] = {{"1.2", MG_TLS12}, {"1.3", MG_TLS13}};

static const struct {
    const char *name;
    mg_policy value;
} policy_names[] = {{"strict", MG_POLICY_STRICT}, {"minimal", MG_POLICY_MINIMAL}};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

const char *mg_role_name(mg_role role) { return role == MG_ROLE_CLIENT ? "client" : "server"; }
const char *mg_tls_name(mg_tls_version tls) { return tls == MG_TLS12 ? "1.2" : "1.3"; }
const char *mg_policy_name(mg_policy policy)
{
    return policy == MG_POLICY_STRICT ? "strict" : "minimal";
}

mg_result mg_tls_parse(const char *flag, const char *word, mg_tls_version *out)
{
    for (size_t i = 0; i < COUNT(tls_names); i++)
        if (strcmp(word, tls_names[i].name) == 0) {
            *out = tls_names[i].value;
            return MG_OK;
        }
    return mg_fail(MG_E_USAGE, "%s: unknown TLS version \"%s\" (1.2 or 1.3)", flag, word);
}

mg_result mg_policy_parse(const char *flag, const char *word, mg_policy *out)
{
    for (size_t i = 0; i < COUNT(policy_names); i++)
        if (strcmp(word, policy_names[i].name) == 0) {
            *out = policy_names[i].value;
            return MG_OK;
        }
    return mg_fail(MG_E_USAGE, "%s: unknown policy \"%s\" (strict or minimal)", flag, word);
}

/* Both lists are two values long; one walker keeps their rules (dedupe, empty, unknown)
 * the same. `parse` writes one value as an int. */
typedef MG_RESULT (*parse_one)(const char *flag, const char *word, int *out);

static MG_RESULT tls_as_int(const char *flag, const char *word, int *out)
{
    mg_tls_version v;
    MG_GUARD(mg_tls_parse(flag, word, &v));
    *out = (int)v;
    return MG_OK;
}

static MG_RESULT policy_as_int(const char *flag, const char *word, int *out)
{
    mg_policy v;
    MG_GUARD(mg_policy_parse(flag, word, &v));
    *out = (int)v;
    return MG_OK;
}

static MG_RESULT parse_list(const char *flag, const char *list, const char *all, parse_one parse,
                            int *out, size_t *count)
{
    *count = 0;
    mg_strings words = {0};
    mg_result r = mg_strings_add_split(&words, list ? list : all);
    for (size_t i = 0; mg_ok(r) && i < words.count; i++) {
        int v;
        r = parse(flag, words.items[i], &v);
        if (!mg_ok(r)) break;
        bool seen = false;
        for (size_t k = 0; k < *count; k++) seen |= out[k] == v;
        if (!seen) out[(*count)++] = v; /* two distinct values at most */
    }
    mg_strings_free(&words);
    MG_GUARD(r);
    MG_ENSURE(*count > 0, MG_E_USAGE, "%s must name at least one value", flag);
    return MG_OK;
}

mg_result mg_tls_parse_list(const char *flag, const char *list, mg_tls_version *out,
                            size_t *count)
{
    int values[COUNT(tls_names)];
    MG_GUARD(parse_list(flag, list, "1.2,1.3", tls_as_int, values, count));
    for (size_t i = 0; i < *count; i++) out[i] = (mg_tls_version)values[i];
    return MG_OK;
}

mg_result mg_policy_parse_list(const char *flag, const char *list, mg_policy *out,
                               size_t *count)
{
    int values[COUNT(policy_names)];
    MG_GUARD(parse_list(flag, list, "strict,minimal", policy_as_int, values, count));
    for (size_t i = 0; i < *count; i++) out[i] = (mg_policy)values[i];
    return MG_OK;
}
