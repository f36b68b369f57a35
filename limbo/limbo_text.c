/* Stack messages can quote certificate fields byte for byte; JSON needs UTF-8. */
#include "limbo_results.h"

static size_t sequence_length(unsigned char lead)
{
    if (lead < 0x80) return 1;
    if (lead >= 0xc2 && lead <= 0xdf) return 2;
    if (lead >= 0xe0 && lead <= 0xef) return 3;
    if (lead >= 0xf0 && lead <= 0xf4) return 4;
    return 0;
}

/* The second byte's range where the lead restricts it (no overlong forms, no surrogates,
 * nothing above U+10FFFF), as RFC 3629 gives it. */
static bool second_ok(unsigned char lead, unsigned char second)
{
    if (lead == 0xe0) return second >= 0xa0;
    if (lead == 0xed) return second <= 0x9f;
    if (lead == 0xf0) return second >= 0x90;
    if (lead == 0xf4) return second <= 0x8f;
    return true;
}

/* Replaces each byte that does not start a well-formed UTF-8 sequence with '?'. */
void mg_limbo_make_utf8(char *text)
{
    unsigned char *p = (unsigned char *)text;
    while (*p) {
        size_t n = sequence_length(*p), ok = n;
        if (n > 1 && !second_ok(p[0], p[1])) ok = 0;
        for (size_t k = 1; k < n && ok; k++)
            if ((p[k] & 0xc0) != 0x80) ok = 0;
        if (!ok) {
            *p++ = '?';
            continue;
        }
        p += n;
    }
}
