/* The field readers of limbo_fields.h. */
#include "limbo_fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

mg_result mg_limbo_field_error(const mg_limbo_where *w, const char *field, const char *problem)
{
    return mg_fail(MG_E_INPUT, "%s: testcase %zu%s%s%s: field \"%s\" %s", w->path, w->index,
                   w->id[0] ? " (" : "", w->id, w->id[0] ? ")" : "", field, problem);
}

mg_result mg_limbo_get_string(const mg_limbo_where *w, json_t *o, const char *field,
                              bool required, char **out)
{
    *out = NULL;
    json_t *v = json_object_get(o, field);
    if (!v || json_is_null(v))
        return required ? mg_limbo_field_error(w, field, "is missing") : MG_OK;
    if (!json_is_string(v)) return mg_limbo_field_error(w, field, "must be a string");
    return mg_strdup(json_string_value(v), out);
}

mg_result mg_limbo_get_strings(const mg_limbo_where *w, json_t *o, const char *field,
                               bool required, mg_strings *out)
{
    json_t *v = json_object_get(o, field);
    if (!v || json_is_null(v))
        return required ? mg_limbo_field_error(w, field, "is missing") : MG_OK;
    if (!json_is_array(v)) return mg_limbo_field_error(w, field, "must be a list of strings");
    size_t i;
    json_t *item;
    json_array_foreach(v, i, item) {
        if (!json_is_string(item))
            return mg_limbo_field_error(w, field, "must be a list of strings");
        MG_GUARD(mg_strings_add(out, json_string_value(item)));
    }
    return MG_OK;
}

static MG_RESULT peer_name_parts(const mg_limbo_where *w, json_t *v, const char *field,
                                 const char **kind, const char **value)
{
    *kind = json_string_value(json_object_get(v, "kind"));
    *value = json_string_value(json_object_get(v, "value"));
    if (!json_is_object(v) || !*kind || !*value)
        return mg_limbo_field_error(w, field,
                                    "must hold objects with string \"kind\" and \"value\"");
    return MG_OK;
}

mg_result mg_limbo_get_peer_names(const mg_limbo_where *w, json_t *o, mg_limbo_testcase *t)
{
    json_t *one = json_object_get(o, "expected_peer_name");
    const char *kind, *value;
    if (one && !json_is_null(one)) {
        MG_GUARD(peer_name_parts(w, one, "expected_peer_name", &kind, &value));
        MG_GUARD(mg_strdup(kind, &t->peer_name_kind));
        MG_GUARD(mg_strdup(value, &t->peer_name));
    }
    json_t *many = json_object_get(o, "expected_peer_names");
    if (!many || json_is_null(many)) return MG_OK;
    if (!json_is_array(many))
        return mg_limbo_field_error(w, "expected_peer_names", "must be a list");
    size_t i;
    json_t *item;
    json_array_foreach(many, i, item) {
        MG_GUARD(peer_name_parts(w, item, "expected_peer_names", &kind, &value));
        size_t len = strlen(kind) + strlen(value) + 2;
        char *joined = malloc(len);
        MG_ENSURE(joined, MG_E_INTERNAL, "out of memory");
        snprintf(joined, len, "%s:%s", kind, value);
        mg_result r = mg_strings_add(&t->peer_names, joined);
        free(joined);
        MG_GUARD(r);
    }
    return MG_OK;
}

mg_result mg_limbo_get_enums(const mg_limbo_where *w, json_t *o, mg_limbo_testcase *t)
{
    char *kind = NULL, *expected = NULL;
    mg_result r = mg_limbo_get_string(w, o, "validation_kind", true, &kind);
    if (mg_ok(r)) r = mg_limbo_get_string(w, o, "expected_result", true, &expected);
    if (mg_ok(r) && strcmp(kind, "SERVER") != 0 && strcmp(kind, "CLIENT") != 0)
        r = mg_limbo_field_error(w, "validation_kind", "must be SERVER or CLIENT");
    if (mg_ok(r) && strcmp(expected, "SUCCESS") != 0 && strcmp(expected, "FAILURE") != 0)
        r = mg_limbo_field_error(w, "expected_result", "must be SUCCESS or FAILURE");
    if (mg_ok(r)) {
        t->kind = strcmp(kind, "CLIENT") == 0 ? MG_LIMBO_CLIENT : MG_LIMBO_SERVER;
        t->expect_success = strcmp(expected, "SUCCESS") == 0;
    }
    free(kind);
    free(expected);
    return r;
}

mg_result mg_limbo_get_depth(const mg_limbo_where *w, json_t *o, mg_limbo_testcase *t)
{
    json_t *v = json_object_get(o, "max_chain_depth");
    t->max_chain_depth = -1;
    if (!v || json_is_null(v)) return MG_OK;
    if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > 100000)
        return mg_limbo_field_error(w, "max_chain_depth", "must be a non-negative integer");
    t->max_chain_depth = (int)json_integer_value(v);
    return MG_OK;
}
