#include "utf8_text.h"

#include <stdlib.h>
#include <string.h>

/* The length of the valid UTF-8 sequence at s (1 to 4), or 0 when the byte there starts none. */
static size_t sequence_length(const unsigned char *s)
{
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    size_t n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4
                                                                                             : 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80) return 0;
    if (n == 3 && ((c == 0xe0 && s[1] < 0xa0) || (c == 0xed && s[1] >= 0xa0))) return 0;
    if (n == 4 && ((c == 0xf0 && s[1] < 0x90) || (c == 0xf4 && s[1] >= 0x90))) return 0;
    return n;
}

bool mg_utf8_valid(const char *text)
{
    for (const unsigned char *s = (const unsigned char *)text; *s;) {
        size_t n = sequence_length(s);
        if (!n) return false;
        s += n;
    }
    return true;
}

char *mg_utf8_sanitized(const char *text)
{
    static const char replacement[] = "\xef\xbf\xbd";
    size_t len = strlen(text);
    char *out = malloc(len * 3 + 1); /* each byte at most becomes the three of U+FFFD */
    if (!out) return NULL;
    size_t used = 0;
    for (const unsigned char *s = (const unsigned char *)text; *s;) {
        size_t n = sequence_length(s);
        if (n) memcpy(out + used, s, n), used += n, s += n;
        else memcpy(out + used, replacement, 3), used += 3, s++;
    }
    out[used] = '\0';
    return out;
}
