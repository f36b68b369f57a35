/* A cause's messages with this certificate's facts in place of the placeholders: HOST (the
 * --host name) and FILE (the inspected file), so the strings match the operator's logs. */
#include "inspect_internal.h"

#include <stdlib.h>
#include <string.h>

static char *replace_all(const char *text, const char *token, const char *value)
{
    size_t token_len = strlen(token), value_len = strlen(value), count = 0;
    for (const char *p = strstr(text, token); p; p = strstr(p + token_len, token)) count++;
    char *out = malloc(strlen(text) + count * value_len + 1);
    if (!out) return NULL;
    char *w = out;
    for (const char *p = text, *hit; (hit = strstr(p, token)) != NULL; p = hit + token_len) {
        memcpy(w, p, (size_t)(hit - p));
        w += hit - p;
        memcpy(w, value, value_len);
        w += value_len;
        text = hit + token_len;
    }
    strcpy(w, text);
    return out;
}

static char *fill(const char *text, const mg_inspect_report *r)
{
    char *with_host = replace_all(text, "HOST", r->host ? r->host : "HOST");
    char *filled = with_host ? replace_all(with_host, "FILE", r->file) : NULL;
    free(with_host);
    return filled;
}

/* A table without a row for the cause is a gap tests/unit/inspect_words_test.c catches; should
 * one slip through, the report says so rather than quoting nothing. */
static const char no_words[] = "(mtlsgrid has no record of this stack's words for this cause)";

mg_result mg_inspect_fill_messages(const mg_inspect_report *r, const mg_inspect_cause *cause,
                                   mg_inspect_filled_messages *out)
{
    mg_inspect_messages m = mg_inspect_cause_messages(cause, r->role);
    *out = (mg_inspect_filled_messages){.browser = fill(m.browser, r), .curl = fill(m.curl, r),
                                        .other = fill(m.other, r)};
    bool filled = out->browser && out->curl && out->other;
    for (size_t i = 0; i < r->tool_count && i < MG_INSPECT_TOOL_MAX; i++) {
        const char *words = mg_inspect_tool_words(&r->tools[i], cause->id);
        out->tools[out->tool_count++] = fill(words ? words : no_words, r);
        filled = filled && out->tools[i];
    }
    if (filled) return MG_OK;
    mg_inspect_filled_messages_free(out);
    return mg_fail(MG_E_INTERNAL, "out of memory");
}

void mg_inspect_filled_messages_free(mg_inspect_filled_messages *m)
{
    for (size_t i = 0; i < m->tool_count; i++) free(m->tools[i]);
    free(m->browser);
    free(m->curl);
    free(m->other);
    *m = (mg_inspect_filled_messages){0};
}
