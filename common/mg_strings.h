/* A growable list of owned strings, for the lists that scenario and report code keep. */
#ifndef MG_STRINGS_H
#define MG_STRINGS_H

#include "mg_result.h"

#include <stddef.h>

typedef struct {
    char **items;
    size_t count;
} mg_strings;

MG_RESULT mg_strings_add(mg_strings *list, const char *text);
/* Splits "a, b ,c" at commas, trimming blanks, and adds each non-empty piece. */
MG_RESULT mg_strings_add_split(mg_strings *list, const char *text);
bool mg_strings_contains(const mg_strings *list, const char *text);
void mg_strings_free(mg_strings *list);

/* strdup that records a failure instead of returning NULL silently. */
MG_RESULT mg_strdup(const char *text, char **out);

#endif
