/* index.html: one self-contained page (no network). The rows are embedded as JSON; a short
 * script lays out the grid: scenarios as rows, client->server / TLS / policy as columns. */
#include "atomic_file.h"
#include "row_json.h"
#include "slowest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern const char mg_html_head[];
extern const char mg_html_tail[];

static void audit_entry(void *ctx, const mg_divergence *d, const char *scenarios)
{
    json_array_append_new(ctx, json_pack("{s:s, s:s, s:s, s:s}", "stack", d->stack, "check",
                                         d->reason, "scenarios", scenarios, "reference",
                                         d->reference));
}

static json_t *changes_json(const mg_report *report)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < report->change_count; i++)
        json_array_append_new(list, json_pack("{s:s, s:s, s:s}", "case", report->changes[i].id,
                                              "before", report->changes[i].before, "after",
                                              report->changes[i].after));
    return list;
}

/* The rows as results.jsonl encoded them, with each '/' escaped as JSON_ESCAPE_SLASH writes it
 * (outside strings compact JSON has none), comma-separated. */
static void put_row_texts(const mg_report *report, FILE *out)
{
    for (size_t i = 0; i < report->count; i++) {
        if (i) fputc(',', out);
        for (const char *p = report->row_texts[i]; *p;) { /* runs between slashes, whole */
            size_t run = strcspn(p, "/");
            fwrite(p, 1, run, out);
            p += run;
            if (*p) fputs("\\/", out), p++;
        }
    }
}

/* The data block: the document with the rows spliced in where an empty list was encoded, when
 * they come encoded already (byte for byte what encoding them here would give). */
#define MG_HTML_ROWS_START "{\"rows\":["

static void put_data(const mg_report *report, const char *data, FILE *out)
{
    size_t start = sizeof MG_HTML_ROWS_START - 1;
    if (!report->row_texts || strncmp(data, MG_HTML_ROWS_START "]", start + 1) != 0) {
        fputs(data, out);
        return;
    }
    fputs(MG_HTML_ROWS_START, out);
    put_row_texts(report, out);
    fputs(data + start, out);
}

mg_result mg_write_html(const mg_report *report, const char *path)
{
    json_t *rows = json_array(), *audit = json_array();
    for (size_t i = 0; rows && !report->row_texts && i < report->count; i++)
        json_array_append_new(rows, mg_row_to_json(&report->rows[i]));
    if (audit) mg_report_audit(report, audit_entry, audit);
    json_t *doc = json_pack("{s:o, s:o, s:o, s:o, s:s, s:f}", "rows", rows, "audit", audit,
                            "changes", changes_json(report), "slowest", mg_slowest_json(report),
                            "versions", report->stack_versions, "seconds", report->wall_seconds);
    /* JSON_ESCAPE_SLASH: no "</script>" can end the data block early. */
    char *data = doc ? json_dumps(doc, JSON_COMPACT | JSON_ESCAPE_SLASH) : NULL;
    json_decref(doc);
    MG_ENSURE(data, MG_E_INTERNAL, "%s: cannot encode the report", path);
    mg_atomic_file f;
    mg_result r = mg_atomic_open(&f, path);
    if (mg_ok(r)) {
        fputs(mg_html_head, f.file);
        put_data(report, data, f.file);
        fputs(mg_html_tail, f.file);
        r = mg_atomic_commit(&f);
    }
    free(data);
    return r;
}
