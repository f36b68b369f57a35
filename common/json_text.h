/* A JSON string for any text (see utf8_text.h), for the JSON writers, all of which link
 * jansson; NULL text is JSON null. Only NULL when out of memory. */
#ifndef MG_JSON_TEXT_H
#define MG_JSON_TEXT_H

#include "utf8_text.h"

#include <jansson.h>
#include <stdlib.h>

static inline json_t *mg_json_text(const char *text)
{
    if (!text) return json_null();
    if (mg_utf8_valid(text)) return json_string(text);
    char *clean = mg_utf8_sanitized(text);
    json_t *j = clean ? json_string(clean) : NULL;
    free(clean);
    return j;
}

#endif
