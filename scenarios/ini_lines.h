/* libinih, with the line number of each key known: the packaged library is built without
 * INI_HANDLER_LINENO, so we count the lines our reader hands it. */
#ifndef MG_INI_LINES_H
#define MG_INI_LINES_H

#include "mg_result.h"

/* Where a key stands: its line; the line of its section's header when it is the first key
 * after one (0 otherwise), so that a section opened twice is seen; and whether it is an
 * indented continuation of the previous key's value rather than the key written again. */
typedef struct {
    int line;
    int section_line;
    bool continued;
} mg_ini_position;

/* Return false after mg_fail(). */
typedef bool (*mg_ini_handler)(void *user, const char *section, const char *key,
                               const char *value, mg_ini_position at);

/* Parses `path`; a syntax error or an over-long line fails naming file and line. */
MG_RESULT mg_ini_parse_file(const char *path, mg_ini_handler handler, void *user);

#endif
