/* results.jsonl walked record by record, for every command that reads one back. */
#include "results_read.h"

#include "read_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RESULTS_LINE (1 << 20) /* a results row is a few kB: anything longer is not one */

static mg_result line_problem(const char *context, const char *where, const char *why)
{
    return mg_fail(MG_E_INPUT, "%s%s%s: not a results.jsonl record (%s)", context ? context : "",
                   context ? " " : "", where, why);
}

static mg_result each_line(char *text, const char *path, const char *context,
                           mg_results_record_fn each, void *ctx)
{
    int line_no = 0;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        size_t got = next ? (size_t)(next - line) + 1 : strlen(line);
        if (next) *next++ = '\0';
        line_no++;
        char where[4300];
        snprintf(where, sizeof where, "%s:%d", path, line_no);
        if (got > MAX_RESULTS_LINE) return line_problem(context, where, "line too long");
        if (line[strspn(line, " \t\r\n")] == '\0') continue;
        json_error_t err;
        json_t *o = json_loads(line, 0, &err);
        if (!json_is_object(o)) {
            char why[256];
            snprintf(why, sizeof why, "%s", o ? "not a JSON object" : err.text);
            json_decref(o);
            return line_problem(context, where, why);
        }
        mg_result r = each(ctx, o, where);
        json_decref(o);
        MG_GUARD(r);
    }
    return MG_OK;
}

mg_result mg_results_each_record(const char *path, const char *context, mg_results_record_fn each,
                                 void *ctx)
{
    unsigned char *text = NULL;
    size_t len = 0;
    if (!mg_ok(mg_read_file_or_empty(path, MG_READ_CAP_DATA, &text, &len))) {
        char why[1024];
        snprintf(why, sizeof why, "%s", mg_error_message());
        return mg_fail(MG_E_INPUT, "%s%s%s", context ? context : "", context ? ": " : "", why);
    }
    mg_result r = each_line((char *)text, path, context, each, ctx);
    free(text);
    return r;
}
