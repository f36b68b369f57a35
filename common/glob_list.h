/* Globs that may list alternatives: "a*,b" matches what either "a*" or "b" matches. Records
 * that hold one behaviour across several scenarios or peers name them in one field instead of
 * one record per name. */
#ifndef MG_GLOB_LIST_H
#define MG_GLOB_LIST_H

#include <stdbool.h>
#include <stddef.h>

/* Whether text matches one of the comma-separated fnmatch patterns of list (NULL text: "");
 * white space around an alternative is not part of it. */
bool mg_glob_list_match(const char *list, const char *text);

/* Copies the alternative at *cursor into pattern and moves *cursor past it; false when none is
 * left. An alternative too long for pattern comes out empty, matching only an empty text (a
 * record field is at most 199 characters, scenarios/README.md, so it cannot come from one). */
bool mg_glob_list_next(const char **cursor, char *pattern, size_t len);

#endif
