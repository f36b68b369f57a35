#include "xml_escape.h"

void mg_write_escaped(FILE *out, const char *text)
{
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        default:
            if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t') fputc('?', out);
            else fputc(*p, out);
        }
    }
}
