#include "glob_list.h"

#include <ctype.h>
#include <fnmatch.h>
#include <string.h>

bool mg_glob_list_next(const char **cursor, char *pattern, size_t len)
{
    if (!*cursor) return false;
    const char *start = *cursor, *end = strchr(start, ',');
    size_t n = end ? (size_t)(end - start) : strlen(start);
    /* A long list continues on indented lines, which the loader joins with a space. */
    while (n && isspace((unsigned char)*start)) start++, n--;
    while (n && isspace((unsigned char)start[n - 1])) n--;
    if (n >= len) n = 0;
    memcpy(pattern, start, n);
    pattern[n] = '\0';
    *cursor = end ? end + 1 : NULL;
    return true;
}

bool mg_glob_list_match(const char *list, const char *text)
{
    char pattern[256];
    for (const char *cursor = list; mg_glob_list_next(&cursor, pattern, sizeof pattern);)
        if (fnmatch(pattern, text ? text : "", 0) == 0) return true;
    return false;
}
