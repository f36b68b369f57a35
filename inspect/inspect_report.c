/* Findings accumulate in the report; every text is formatted once, here. */
#include "inspect_handshake.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

MG_PRINTF(1, 0) static char *vformat(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    char *text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (text) vsnprintf(text, (size_t)n + 1, fmt, ap);
    return text;
}

mg_result mg_inspect_add_problem(mg_inspect_report *r, const char *cause_id, const char *fmt, ...)
{
    const mg_inspect_cause *cause = mg_inspect_cause_find(cause_id);
    MG_ENSURE(cause, MG_E_INTERNAL, "inspect: cause \"%s\" is not in the causes table", cause_id);
    va_list ap;
    va_start(ap, fmt);
    char *detail = vformat(fmt, ap);
    va_end(ap);
    mg_inspect_problem *grown =
        detail ? realloc(r->problems, (r->problem_count + 1) * sizeof *grown) : NULL;
    if (!grown) {
        free(detail);
        return mg_fail(MG_E_INTERNAL, "out of memory");
    }
    r->problems = grown;
    r->problems[r->problem_count++] = (mg_inspect_problem){cause, detail};
    return MG_OK;
}

MG_PRINTF(4, 0) static mg_result add_note(mg_inspect_note **notes, size_t *count, const char *check,
                          const char *fmt, va_list ap)
{
    char *detail = vformat(fmt, ap);
    mg_inspect_note *grown = detail ? realloc(*notes, (*count + 1) * sizeof *grown) : NULL;
    if (!grown) {
        free(detail);
        return mg_fail(MG_E_INTERNAL, "out of memory");
    }
    *notes = grown;
    (*notes)[(*count)++] = (mg_inspect_note){check, detail};
    return MG_OK;
}

mg_result mg_inspect_add_passed(mg_inspect_report *r, const char *check, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mg_result res = add_note(&r->passed, &r->passed_count, check, fmt, ap);
    va_end(ap);
    return res;
}

mg_result mg_inspect_add_skipped(mg_inspect_report *r, const char *check, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    mg_result res = add_note(&r->skipped, &r->skipped_count, check, fmt, ap);
    va_end(ap);
    return res;
}

bool mg_inspect_has_cause(const mg_inspect_report *r, const char *cause_id)
{
    for (size_t i = 0; i < r->problem_count; i++)
        if (strcmp(r->problems[i].cause->id, cause_id) == 0) return true;
    return false;
}

static void free_notes(mg_inspect_note *notes, size_t count)
{
    for (size_t i = 0; i < count; i++) free(notes[i].detail);
    free(notes);
}

void mg_inspect_report_free(mg_inspect_report *r)
{
    for (size_t i = 0; i < r->problem_count; i++) free(r->problems[i].detail);
    free(r->problems);
    free_notes(r->passed, r->passed_count);
    free_notes(r->skipped, r->skipped_count);
    free(r->file);
    free(r->subject);
    free(r->issuer);
    free(r->names);
    mg_inspect_san_list_free(r->name_list, r->name_count);
    free(r->not_before);
    free(r->not_after);
    free(r->key);
    free(r->signature);
    mg_inspect_observations_free(r);
    mg_inspect_handshakes_free(r);
    *r = (mg_inspect_report){0};
}
