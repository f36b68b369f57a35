#include "ini_lines.h"

#include "read_file.h"

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    FILE *file;
    const char *path;
    int line;
    int section_line; /* header line of a section whose first key is not yet handled */
    bool indented;    /* the last line read starts with white space: a continuation */
    bool too_long;
    bool name_too_long;
    bool handler_failed;
    mg_ini_handler handler;
    void *user;
} line_reader;

/* inih cuts section names at 49 characters without a word (its MAX_SECTION); two long ids
 * would then read as one. */
#define MG_INI_MAX_SECTION 49

static bool section_too_long(const char *first)
{
    const char *close = strchr(first, ']');
    return close && close - first - 1 > MG_INI_MAX_SECTION;
}

static char *read_line(char *str, int num, void *stream)
{
    line_reader *r = stream;
    char *got = fgets(str, num, r->file);
    if (!got) return NULL;
    r->line++;
    const char *first = got + strspn(got, " \t");
    if (*first == '[') r->section_line = r->line;
    if (*first == '[' && section_too_long(first)) {
        r->name_too_long = true;
        return NULL;
    }
    r->indented = first != got;
    size_t len = strlen(got);
    /* inih's buffer is small; a longer line would be split silently, so refuse it. */
    if (len == (size_t)num - 1 && got[len - 1] != '\n' && !feof(r->file)) {
        r->too_long = true;
        return NULL;
    }
    return got;
}

static int on_key(void *user, const char *section, const char *key, const char *value)
{
    line_reader *r = user;
    if (r->handler_failed) return 0;
    mg_ini_position at = {r->line, r->section_line, r->indented && !r->section_line};
    r->section_line = 0;
    if (!r->handler(r->user, section, key, value, at)) {
        r->handler_failed = true;
        return 0;
    }
    return 1;
}

mg_result mg_ini_parse_file(const char *path, mg_ini_handler handler, void *user)
{
    line_reader r = {.path = path, .handler = handler, .user = user};
    /* A FIFO would block fopen, a huge file take forever line by line. */
    if (access(path, F_OK) == 0)
        MG_GUARD(mg_check_regular_file("scenario file", path, MG_READ_CAP_CREDENTIAL));
    r.file = fopen(path, "r");
    MG_ENSURE(r.file, MG_E_INPUT, "%s: cannot open: %s", path, strerror(errno));
    int rc = ini_parse_stream(read_line, &r, on_key, &r);
    fclose(r.file);
    if (r.handler_failed) return (mg_result){MG_E_INPUT}; /* the handler's message stands */
    MG_ENSURE(!r.name_too_long, MG_E_INPUT, "%s:%d: [id] longer than %d characters", path,
              r.line, MG_INI_MAX_SECTION);
    MG_ENSURE(!r.too_long, MG_E_INPUT, "%s:%d: line too long (at most 199 characters; "
              "continue a long value on indented lines)", path, r.line);
    MG_ENSURE(rc == 0, MG_E_INPUT, "%s:%d: not valid INI (expected [section] or key = value)",
              path, rc);
    return MG_OK;
}
