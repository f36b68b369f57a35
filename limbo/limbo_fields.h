/* Reading one testcase's fields with jansson, each checked for the type the schema gives it
 * (limbo_suite.c puts them together). A failure names the file, the testcase and the field. */
#ifndef MG_LIMBO_FIELDS_H
#define MG_LIMBO_FIELDS_H

#include "limbo_suite.h"

#include <jansson.h>

/* Where a field is read, for messages. */
typedef struct {
    const char *path;
    size_t index;
    const char *id; /* "" until the id is read */
} mg_limbo_where;

MG_RESULT mg_limbo_field_error(const mg_limbo_where *w, const char *field, const char *problem);

/* A string field; absent or null gives NULL unless the field is required. */
MG_RESULT mg_limbo_get_string(const mg_limbo_where *w, json_t *o, const char *field,
                              bool required, char **out);
MG_RESULT mg_limbo_get_strings(const mg_limbo_where *w, json_t *o, const char *field,
                               bool required, mg_strings *out);
/* expected_peer_name (kind and value) and expected_peer_names ("KIND:value"). */
MG_RESULT mg_limbo_get_peer_names(const mg_limbo_where *w, json_t *o, mg_limbo_testcase *t);
/* validation_kind and expected_result. */
MG_RESULT mg_limbo_get_enums(const mg_limbo_where *w, json_t *o, mg_limbo_testcase *t);
MG_RESULT mg_limbo_get_depth(const mg_limbo_where *w, json_t *o, mg_limbo_testcase *t);

#endif
