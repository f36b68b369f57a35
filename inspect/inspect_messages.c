/* A cause's messages with this certificate's facts in place of the placeholders: HOST (the
 * --host name) and FILE (the inspected file), so the strings match the operator's logs. A
 * stack's words are what its verifying tool printed here when it ran (observed), else its
 * table's (recorded). */
#include "inspect_observe.h"

#include <stdio.h>
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

/* A cause a verifying tool cannot see: it checks a chain, not which key goes with it. */
static bool tool_blind_to(const mg_inspect_cause *cause)
{
    return strcmp(cause->id, "key-mismatch") == 0;
}

static char *last_line(const char *output)
{
    size_t end = strlen(output);
    while (end > 0 && (output[end - 1] == '\n' || output[end - 1] == ' ')) end--;
    size_t start = end;
    while (start > 0 && output[start - 1] != '\n') start--;
    char *line = malloc(end - start + 1);
    if (line) snprintf(line, end - start + 1, "%.*s", (int)(end - start), output + start);
    return line;
}

/* What the tool said of this cause, as it printed it: the findings that fit it, or its "OK"
 * when it accepted the certificate; NULL when it did not run or named only other problems. */
static char *observed_words(const mg_inspect_observation *o, const mg_inspect_cause *cause,
                            const char *recorded)
{
    if (!o->ran || tool_blind_to(cause) || !recorded) return NULL;
    size_t cap = strlen(o->tool) + 400 + sizeof o->findings + strlen(recorded);
    char *text = malloc(cap);
    if (!text) return NULL;
    int used = snprintf(text, cap, "%s said:", o->tool);
    size_t fits = 0;
    for (size_t i = 0; i < o->finding_count; i++) {
        if (!mg_inspect_finding_fits(&o->findings[i], cause)) continue;
        used += snprintf(text + used, cap - (size_t)used, "%s \"%s\"", fits ? ";" : "",
                         o->findings[i].words);
        fits++;
    }
    if (fits) return text;
    char *said = o->exit_status == 0 ? last_line(o->output) : NULL;
    /* A verifying tool may accept what the stack refuses in a handshake (GnuTLS judges key
     * usage there): the recorded words follow, marked as such. */
    if (said)
        snprintf(text + used, cap - (size_t)used,
                 " \"%.200s\" (it accepts this); in a handshake, recorded: %s", said, recorded);
    free(said);
    if (o->exit_status == 0) return text;
    free(text);
    return NULL;
}

mg_result mg_inspect_fill_messages(const mg_inspect_report *r, const mg_inspect_cause *cause,
                                   mg_inspect_filled_messages *out)
{
    mg_inspect_messages m = mg_inspect_cause_messages(cause, r->role);
    *out = (mg_inspect_filled_messages){.browser = fill(m.browser, r), .curl = fill(m.curl, r),
                                        .other = fill(m.other, r)};
    bool filled = out->browser && out->curl && out->other;
    for (size_t i = 0; i < r->tool_count && i < MG_INSPECT_TOOL_MAX; i++) {
        const char *words = mg_inspect_tool_words(&r->tools[i], cause->id);
        out->recorded[i] = fill(words ? words : no_words, r);
        char *seen = observed_words(&r->observed[i], cause, out->recorded[i]);
        out->observed[i] = seen != NULL;
        out->tools[out->tool_count++] = seen ? seen : out->recorded[i] ? strdup(out->recorded[i])
                                                                        : NULL;
        filled = filled && out->tools[i] && out->recorded[i];
    }
    if (filled) return MG_OK;
    mg_inspect_filled_messages_free(out);
    return mg_fail(MG_E_INTERNAL, "out of memory");
}

void mg_inspect_filled_messages_free(mg_inspect_filled_messages *m)
{
    for (size_t i = 0; i < m->tool_count; i++) {
        free(m->tools[i]);
        free(m->recorded[i]);
    }
    free(m->browser);
    free(m->curl);
    free(m->other);
    *m = (mg_inspect_filled_messages){0};
}
