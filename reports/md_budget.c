#include "md_budget.h"

#include <stdarg.h>
#include <string.h>

void mg_md_text(mg_md *md, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    int n = vfprintf(md->out, format, ap);
    va_end(ap);
    if (n > 0) md->used += (size_t)n;
}

void mg_md_row(mg_md *md, const char *format, ...)
{
    char row[4096];
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(row, sizeof row, format, ap);
    va_end(ap);
    if (n < 0) return;
    size_t len = (size_t)n < sizeof row ? (size_t)n : sizeof row - 1;
    if (md->held || md->used + len > md->cap) {
        md->held++; /* once one row is held, the rest of the section is too: no gaps */
        return;
    }
    fwrite(row, 1, len, md->out);
    md->used += len;
}

void mg_md_end_section(mg_md *md)
{
    if (md->held) mg_md_text(md, "\n… %zu more in results.jsonl\n", md->held);
    md->held = 0;
}

void mg_md_cell(char *dst, size_t len, const char *text)
{
    size_t n = 0, chars = 0;
    for (const char *p = text; *p && n + 4 < len; p++) {
        if (chars >= MG_MD_CELL_MAX && ((unsigned char)*p & 0xC0) != 0x80) {
            memcpy(dst + n, "…", 3); /* cut at a character boundary */
            n += 3;
            break;
        }
        chars += ((unsigned char)*p & 0xC0) != 0x80;
        dst[n++] = *p == '|' ? '/' : (*p == '\n' || *p == '\r') ? ' ' : *p;
    }
    dst[n] = '\0';
}
