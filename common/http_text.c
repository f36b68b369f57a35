#include "http_text.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int mg_http_status(const char *response)
{
    int status = 0;
    if (sscanf(response, "HTTP/%*d.%*d %3d", &status) != 1 || status < 100 || status > 599)
        return 0;
    return status;
}

void mg_http_status_line(const char *response, char *buf, size_t cap)
{
    size_t len = mg_http_status(response) ? strcspn(response, "\r\n") : 0;
    snprintf(buf, cap, "%.*s", (int)len, response);
}

/* The first place `word` (lower case) occurs in text, ignoring case; NULL when nowhere. */
static const char *find_word(const char *text, const char *word)
{
    size_t len = strlen(word);
    for (const char *p = text; *p; p++)
        if (strncasecmp(p, word, len) == 0) return p;
    return NULL;
}

void mg_http_title(const char *response, char *buf, size_t cap)
{
    buf[0] = '\0';
    const char *open = find_word(response, "<title");
    const char *start = open ? strchr(open, '>') : NULL;
    const char *close = start ? find_word(start, "</title") : NULL;
    if (!close || cap == 0) return;
    size_t n = 0;
    bool space = false;
    for (const char *p = start + 1; p < close && n + 1 < cap; p++) {
        if (isspace((unsigned char)*p)) {
            space = n > 0;
            continue;
        }
        if (space && n + 2 < cap) buf[n++] = ' ';
        space = false;
        buf[n++] = isprint((unsigned char)*p) ? *p : '?';
    }
    buf[n] = '\0';
}
