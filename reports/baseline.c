/* run --baseline FILE: the cases whose verdict changed since an earlier run, the diff a
 * reviewer wants on a pull request. Cases the earlier run did not have count as new. */
#include "report.h"

#include "results_read.h"

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

typedef struct {
    earlier_case *cases;
    size_t count;
} earlier_run;

/* Only the case and its verdict matter here: any record that has them will do. */
static mg_result read_record(void *ctx, json_t *o, const char *where)
{
    earlier_run *run = ctx;
    const char *id = json_string_value(json_object_get(o, "case")), *verdict = NULL;
    json_t *v = json_object_get(o, "verdict");
    MG_ENSURE(id && (json_is_null(v) || (verdict = json_string_value(v))), MG_E_INPUT,
              "--baseline %s: not a results.jsonl record (needs \"case\" and \"verdict\")",
              where);
    earlier_case *grown = realloc(run->cases, (run->count + 1) * sizeof *grown);
    MG_ENSURE(grown, MG_E_INTERNAL, "out of memory");
    run->cases = grown;
    earlier_case *c = &grown[run->count];
    c->id = strdup(id);
    c->verdict = strdup(verdict ? verdict : "");
    if (!c->id || !c->verdict) {
        free(c->id), free(c->verdict);
        return mg_fail(MG_E_INTERNAL, "out of memory");
    }
    run->count++;
    return MG_OK;
}

/* Through the shared reader (results_read.h): capped, line by line, file and line named. */
static MG_RESULT load(const char *path, earlier_case **cases, size_t *count)
{
    earlier_run run = {0};
    mg_result r = mg_results_each_record(path, "--baseline", read_record, &run);
    *cases = run.cases, *count = run.count;
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
