/* results.jsonl: one JSON object per case with the fields DESIGN.md lists. */
#include "atomic_file.h"
#include "report.h"

#include "row_json.h"

#include "alert_names.h"

#include <stdlib.h>
#include <unistd.h>

static json_t *expected_list(const mg_scenario *s)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < s->expected_count; i++) {
        char text[64];
        mg_verdict_format(s->expected[i], text, sizeof text);
        json_array_append_new(list, json_string(text));
    }
    return list;
}

static json_t *alert_json(int description)
{
    char buf[32];
    const char *name = mg_alert_short_name(description, buf, sizeof buf);
    return name ? json_string(name) : json_null();
}

/* The stack's words stay in reason_text. */
json_t *mg_side_to_json(const mg_side_outcome *side)
{
    json_t *reason = side->reason == MG_REASON_NONE ? json_null()
                                                    : json_string(mg_reason_name(side->reason));
    return json_pack("{s:s, s:o, s:I, s:o, s:o}", "state", mg_side_state_name(side->state),
                     "reason", reason, "native_code", (json_int_t)side->native_code,
                     "alert_sent", alert_json(side->alert_sent), "alert_received",
                     alert_json(side->alert_received));
}

static json_t *sides_json(const mg_report_row *r)
{
    if (!r->verdict[0]) return json_null(); /* not run */
    return json_pack("{s:o, s:o}", "client", mg_side_to_json(&r->client_side), "server",
                     mg_side_to_json(&r->server_side));
}

json_t *mg_row_to_json(const mg_report_row *r)
{
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:s, s:s, s:f, s:o, s:s, s:s}",
                     "case", r->id, "scenario", r->scenario->id, "client", r->client, "server",
                     r->server, "tls", r->tls, "policy", r->policy, "expected",
                     expected_list(r->scenario), "verdict",
                     r->verdict[0] ? json_string(r->verdict) : json_null(), "grade",
                     mg_grade_name(r->grade), "reason_text", r->reason_text, "ms", r->ms,
                     "sides", sides_json(r), "family", r->scenario->family, "standard",
                     r->scenario->standard);
}

mg_result mg_write_jsonl(const mg_report *report, const char *path)
{
    mg_atomic_file f;
    MG_GUARD(mg_atomic_open(&f, path));
    for (size_t i = 0; i < report->count; i++) {
        json_t *o = mg_row_to_json(&report->rows[i]);
        char *line = o ? json_dumps(o, JSON_COMPACT) : NULL;
        json_decref(o);
        if (!line) {
            fclose(f.file);
            unlink(f.temp_path);
            return mg_fail(MG_E_INTERNAL, "%s: cannot encode case %s", path, report->rows[i].id);
        }
        fprintf(f.file, "%s\n", line);
        free(line);
    }
    return mg_atomic_commit(&f);
}
