#include "mg_strings.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

mg_result mg_strdup(const char *text, char **out)
{
    *out = strdup(text);
    MG_ENSURE(*out, MG_E_INTERNAL, "out of memory");
    return MG_OK;
}

mg_result mg_strings_add(mg_strings *list, const char *text)
{
    char **grown = realloc(list->items, (list->count + 1) * sizeof *grown);
    MG_ENSURE(grown, MG_E_INTERNAL, "out of memory");
    list->items = grown;
    MG_GUARD(mg_strdup(text, &list->items[list->count]));
    list->count++;
    return MG_OK;
}

mg_result mg_strings_add_split(mg_strings *list, const char *text)
{
    const char *p = text;
    while (*p) {
        const char *comma = strchr(p, ',');
        const char *end = comma ? comma : p + strlen(p);
        const char *a = p, *b = end;
        while (a < b && isspace((unsigned char)*a)) a++;
        while (b > a && isspace((unsigned char)b[-1])) b--;
        if (b > a) {
            char *piece = strndup(a, (size_t)(b - a));
            MG_ENSURE(piece, MG_E_INTERNAL, "out of memory");
            mg_result r = mg_strings_add(list, piece);
            free(piece);
            MG_GUARD(r);
        }
        p = comma ? comma + 1 : end;
    }
    return MG_OK;
}

bool mg_strings_contains(const mg_strings *list, const char *text)
{
    for (size_t i = 0; i < list->count; i++)
        if (strcmp(list->items[i], text) == 0) return true;
    return false;
}

void mg_strings_free(mg_strings *list)
{
    for (size_t i = 0; i < list->count; i++) free(list->items[i]);
    free(list->items);
    list->items = NULL;
    list->count = 0;
}
