/* run --baseline FILE: the cases whose verdict changed since an earlier run, the diff a
 * reviewer wants on a pull request. Cases the earlier run did not have count as new. */
#include "report.h"

#include "read_file.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *id;
    char *verdict; /* "" for a skipped case (JSON null) */
} earlier_case;

static int by_id(const void *a, const void *b)
{
    return strcmp(((const earlier_case *)a)->id, ((const earlier_case *)b)->id);
}

static MG_RESULT read_line(const char *path, int line_no, const char *line, earlier_case *out)
{
    json_error_t err;
    json_t *o = json_loads(line, 0, &err);
    const char *id = NULL, *verdict = NULL;
    bool ok = o && json_unpack(o, "{s:s}", "case", &id) == 0;
    json_t *v = ok ? json_object_get(o, "verdict") : NULL;
    ok = ok && (json_is_null(v) || (verdict = json_string_value(v)));
    if (ok) {
        out->id = strdup(id);
        out->verdict = strdup(verdict ? verdict : "");
        ok = out->id && out->verdict;
    }
    bool parsed = o != NULL;
    json_decref(o);
    if (!ok) {
        free(out->id), free(out->verdict);
        *out = (earlier_case){0};
    }
    MG_ENSURE(ok, MG_E_INPUT, "--baseline %s:%d: not a results.jsonl record (%s)", path, line_no,
              parsed ? "needs \"case\" and \"verdict\"" : err.text);
    return MG_OK;
}

/* Read whole through the capped reader (a FIFO, a device or a huge file is refused, a read
 * error is an error), then line by line. */
static MG_RESULT load(const char *path, earlier_case **cases, size_t *count)
{
    unsigned char *data = NULL;
    size_t len = 0;
    if (!mg_ok(mg_read_file_or_empty(path, MG_READ_CAP_DATA, &data, &len))) {
        char why[1024];
        snprintf(why, sizeof why, "%s", mg_error_message());
        return mg_fail(MG_E_INPUT, "--baseline: %s", why);
    }
    int line_no = 0;
    mg_result r = MG_OK;
    for (char *line = (char *)data, *next; mg_ok(r) && line; line = next) {
        next = strchr(line, '\n');
        if (next) *next++ = '\0';
        line_no++;
        if (line[strspn(line, " \t\r")] == '\0') continue;
        earlier_case *grown = realloc(*cases, (*count + 1) * sizeof *grown);
        if (!grown) { r = mg_fail(MG_E_INTERNAL, "out of memory"); break; }
        *cases = grown;
        grown[*count] = (earlier_case){0};
        r = read_line(path, line_no, line, &grown[*count]);
        if (mg_ok(r)) (*count)++;
    }
    free(data);
    if (mg_ok(r) && *count) qsort(*cases, *count, sizeof **cases, by_id);
    return r;
}

static MG_RESULT add_change(mg_report *report, const mg_report_row *row, const char *before)
{
    mg_verdict_change *grown =
        realloc(report->changes, (report->change_count + 1) * sizeof *grown);
    MG_ENSURE(grown, MG_E_INTERNAL, "out of memory");
    report->changes = grown;
    mg_verdict_change *c = &grown[report->change_count++];
    c->id = row->id;
    snprintf(c->before, sizeof c->before, "%s",
             !before ? "(new case)" : before[0] ? before : "(skipped)");
    snprintf(c->after, sizeof c->after, "%s", row->verdict[0] ? row->verdict : "(skipped)");
    return MG_OK;
}

mg_result mg_report_compare_baseline(mg_report *report, const char *path)
{
    earlier_case *cases = NULL;
    size_t count = 0;
    mg_result r = load(path, &cases, &count);
    report->baseline = path;
    for (size_t i = 0; mg_ok(r) && i < report->count; i++) {
        const mg_report_row *row = &report->rows[i];
        earlier_case key = {(char *)row->id, NULL};
        const earlier_case *e = count ? bsearch(&key, cases, count, sizeof key, by_id) : NULL;
        if (!e || strcmp(e->verdict, row->verdict) != 0)
            r = add_change(report, row, e ? e->verdict : NULL);
    }
    for (size_t i = 0; i < count; i++) free(cases[i].id), free(cases[i].verdict);
    free(cases);
    return r;
}

void mg_report_free_changes(mg_report *report)
{
    free(report->changes);
    report->changes = NULL;
    report->change_count = 0;
}
