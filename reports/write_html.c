/* index.html: one self-contained page (no network). The rows are embedded as JSON; a short
 * script lays out the grid: scenarios as rows, client->server / TLS / policy as columns. */
#include "atomic_file.h"
#include "row_json.h"

#include <stdlib.h>
#include <unistd.h>

extern const char mg_html_head[];
extern const char mg_html_tail[];

mg_result mg_write_html(const mg_report *report, const char *path)
{
    json_t *rows = json_array();
    for (size_t i = 0; rows && i < report->count; i++)
        json_array_append_new(rows, mg_row_to_json(&report->rows[i]));
    json_t *doc = json_pack("{s:o, s:s, s:f}", "rows", rows, "versions", report->stack_versions,
                            "seconds", report->wall_seconds);
    /* JSON_ESCAPE_SLASH: no "</script>" can end the data block early. */
    char *data = doc ? json_dumps(doc, JSON_COMPACT | JSON_ESCAPE_SLASH) : NULL;
    json_decref(doc);
    MG_ENSURE(data, MG_E_INTERNAL, "%s: cannot encode the report", path);
    mg_atomic_file f;
    mg_result r = mg_atomic_open(&f, path);
    if (mg_ok(r)) {
        fputs(mg_html_head, f.file);
        fputs(data, f.file);
        fputs(mg_html_tail, f.file);
        r = mg_atomic_commit(&f);
    }
    free(data);
    return r;
}
