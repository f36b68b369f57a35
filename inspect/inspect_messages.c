/* A cause's messages with this certificate's facts in place of the placeholders: HOST (the
 * --host name) and FILE (the inspected file), so the strings match the operator's logs. A
 * stack's words are what its verifying tool printed here when it ran (observed), else its
 * table's (recorded). */
#include "inspect_handshake.h"

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
 * when it accepted the certificate; NULL when it did not run or named only other problems.
 * in_handshake: what a handshake through the stack showed (NULL: the recorded words say it). */
static char *observed_words(const mg_inspect_observation *o, const mg_inspect_cause *cause,
                            const char *recorded, const char *in_handshake)
{
    if (!o->ran || tool_blind_to(cause) || !recorded) return NULL;
    size_t cap = strlen(o->tool) + 400 + sizeof o->findings + strlen(recorded) +
                 (in_handshake ? strlen(in_handshake) : 0);
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
     * usage there): what a handshake showed follows, or else the recorded words, marked so. */
    if (said && in_handshake)
        snprintf(text + used, cap - (size_t)used, " \"%.200s\" (it accepts this); %s", said,
                 in_handshake);
    else if (said)
        snprintf(text + used, cap - (size_t)used,
                 " \"%.200s\" (it accepts this); in a handshake, recorded: %s", said, recorded);
    free(said);
    if (o->exit_status == 0) return text;
    free(text);
    return NULL;
}

static char *joined(const char *a, const char *sep, const char *b)
{
    size_t cap = strlen(a) + strlen(sep) + strlen(b) + 1;
    char *text = malloc(cap);
    if (text) snprintf(text, cap, "%s%s%s", a, sep, b);
    return text;
}

/* The words a stack's line shows: the tool's, then the handshake's when the tool's did not
 * already quote them; or the handshake's alone; or the table's, with a note when a handshake
 * through the stack stopped at another problem. Takes seen. */
static char *tool_text(const mg_inspect_report *r, size_t i, const mg_inspect_cause *cause,
                       char *seen, const mg_inspect_filled_messages *m)
{
    const char *hs = m->handshake[i];
    if (seen && hs && !strstr(seen, hs)) {
        char *both = joined(seen, "; ", hs);
        free(seen);
        return both;
    }
    if (seen) return seen;
    if (hs) return strdup(hs);
    if (!m->recorded[i]) return NULL;
    char *note = mg_inspect_handshake_other_note(r, i, cause);
    char *text = note ? joined(m->recorded[i], " (", note) : strdup(m->recorded[i]);
    char *closed = note && text ? joined(text, "", ")") : NULL;
    free(note);
    if (!closed) return text;
    free(text);
    return closed;
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
        out->handshake[i] = mg_inspect_handshake_words(r, i, cause);
        char *seen = observed_words(&r->observed[i], cause, out->recorded[i], out->handshake[i]);
        out->source[i] = seen ? MG_WORDS_OBSERVED
                              : out->handshake[i] ? MG_WORDS_HANDSHAKE : MG_WORDS_RECORDED;
        out->observed[i] = out->source[i] != MG_WORDS_RECORDED;
        out->tools[out->tool_count++] = tool_text(r, i, cause, seen, out);
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
        free(m->handshake[i]);
    }
    free(m->browser);
    free(m->curl);
    free(m->other);
    *m = (mg_inspect_filled_messages){0};
}
