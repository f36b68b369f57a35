/* Text from outside (file names, --host, certificate names, a stack's messages) need not be
 * UTF-8, and JSON must be: jansson refuses such a string outright, which lost whole records.
 * Every byte that does not belong to valid UTF-8 becomes U+FFFD, so the record is kept and
 * still shows where the odd bytes were. */
#ifndef MG_UTF8_TEXT_H
#define MG_UTF8_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Whether text is valid UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF). */
bool mg_utf8_valid(const char *text);

/* A malloc'd copy of text with each invalid byte replaced by U+FFFD; NULL when out of memory. */
char *mg_utf8_sanitized(const char *text);

#endif
