#ifndef MG_XML_ESCAPE_H
#define MG_XML_ESCAPE_H

#include <stdio.h>

/* Writes text with XML/HTML special characters escaped (control characters become '?'). */
void mg_write_escaped(FILE *out, const char *text);

#endif
