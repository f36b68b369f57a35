#include "path_join.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The start of the path that did not fit and its whole length, for the message: the start is
 * enough to recognise it, and cut to 200 bytes it leaves the message room to be read whole. */
mg_result mg_path_too_long(const char *start, size_t needed, size_t len)
{
    return mg_fail(MG_E_INPUT, "path too long (%zu bytes; at most %zu): %.200s%s", needed,
                   len - 1, start, strlen(start) > 200 ? "..." : "");
}

mg_result mg_path_join(char *buf, size_t len, const char *dir, const char *name)
{
    size_t dir_len = strlen(dir);
    const char *slash = dir_len && dir[dir_len - 1] == '/' ? "" : "/";
    int n = snprintf(buf, len, "%s%s%s", dir, slash, name);
    MG_ENSURE(n >= 0, MG_E_INTERNAL, "cannot format a path under %s", dir);
    if ((size_t)n >= len) return mg_path_too_long(buf, (size_t)n, len);
    return MG_OK;
}

mg_result mg_path_format(char *buf, size_t len, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, len, fmt, ap);
    va_end(ap);
    MG_ENSURE(n >= 0, MG_E_INTERNAL, "cannot format a path from \"%s\"", fmt);
    if ((size_t)n >= len) return mg_path_too_long(buf, (size_t)n, len);
    return MG_OK;
}
