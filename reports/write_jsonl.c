/* results.jsonl: one JSON object per case with the fields DESIGN.md lists, and run.json beside
 * it: the run's metadata (reports/schema/ describes both). */
#include "atomic_file.h"
#include "report.h"

#include "row_json.h"

#include "alert_names.h"
#include "json_text.h"

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

/* Texts from outside (a stack's words, argv, versions) need not be UTF-8: see utf8_text.h. */
static json_t *string_or_null(const char *text) { return mg_json_text(text); }

/* The record behind an xfail or xpass, as fields (reason_text repeats it in words). */
static json_t *divergence_json(const mg_divergence *d)
{
    if (!d) return json_null();
    return json_pack("{s:s, s:s, s:s, s:s, s:o}", "id", d->id, "stack", d->stack, "reason",
                     d->reason, "reference", d->reference, "alert", string_or_null(d->alert));
}

json_t *mg_row_to_json(const mg_report_row *r)
{
    json_t *o = json_pack(
        "{s:o, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:s, s:o, s:f, s:o, s:s, s:s}", "case",
        mg_json_text(r->id),
        "scenario", r->scenario->id, "client", r->client, "server", r->server, "tls", r->tls,
        "policy", r->policy, "expected", expected_list(r->scenario), "verdict",
        r->verdict[0] ? json_string(r->verdict) : json_null(), "grade", mg_grade_name(r->grade),
        "reason_text", mg_json_text(r->reason_text), "ms", r->ms, "sides", sides_json(r), "family",
        r->scenario->family, "standard", r->scenario->standard);
    if (o && (json_object_set_new(o, "client_version", string_or_null(r->client_version)) ||
              json_object_set_new(o, "server_version", string_or_null(r->server_version)) ||
              json_object_set_new(o, "divergence", divergence_json(r->divergence)))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *strings_json(const char *const *list)
{
    json_t *a = json_array();
    for (; a && list && *list; list++) json_array_append_new(a, mg_json_text(*list));
    return a;
}

static json_t *run_json(const mg_report *report)
{
    const mg_run_info *run = report->run;
    json_t *stacks = json_array();
    for (size_t i = 0; stacks && i < run->stack_count; i++)
        json_array_append_new(stacks, json_pack("{s:s, s:s}", "name", run->stacks[i].name,
                                                "version", run->stacks[i].version));
    json_t *counts = json_object();
    for (int g = 0; counts && g < MG_GRADE_COUNT; g++)
        json_object_set_new(counts, mg_grade_name((mg_grade)g),
                            json_integer((json_int_t)report->grade_counts[g]));
    json_t *o = json_pack("{s:i, s:s, s:s, s:o, s:o, s:o, s:s, s:s, s:f, s:o, s:o, s:I, s:o}",
                          "schema_version", MG_RESULTS_SCHEMA_VERSION, "tool", "mtlsgrid",
                          "tool_version", run->tool_version, "stacks", stacks, "seed",
                          string_or_null(run->seed), "time_mode", string_or_null(run->time_mode),
                          "started", run->started, "ended", run->ended, "seconds",
                          report->wall_seconds, "hostname", mg_json_text(run->hostname),
                          "command_line", strings_json((const char *const *)run->command_line),
                          "cases", (json_int_t)report->count, "grades", counts);
    if (o && run->merged_from &&
        json_object_set_new(o, "merged_from", strings_json(run->merged_from))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

mg_result mg_write_run_json(const mg_report *report, const char *path)
{
    MG_ENSURE(report->run, MG_E_INTERNAL, "%s: the report has no run metadata", path);
    json_t *o = run_json(report);
    char *text = o ? json_dumps(o, JSON_INDENT(2)) : NULL;
    json_decref(o);
    MG_ENSURE(text, MG_E_INTERNAL, "%s: cannot encode the run metadata", path);
    mg_atomic_file f;
    mg_result r = mg_atomic_open(&f, path);
    if (mg_ok(r)) {
        fprintf(f.file, "%s\n", text);
        r = mg_atomic_commit(&f);
    }
    free(text);
    return r;
}

char *mg_row_json_text(const mg_report_row *row)
{
    json_t *o = mg_row_to_json(row);
    char *line = o ? json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return line;
}

void mg_row_json_texts_free(char **texts, size_t count)
{
    for (size_t i = 0; texts && i < count; i++) free(texts[i]);
    free(texts);
}

mg_result mg_write_jsonl(const mg_report *report, const char *path)
{
    mg_atomic_file f;
    MG_GUARD(mg_atomic_open(&f, path));
    for (size_t i = 0; i < report->count; i++) {
        char *made = report->row_texts ? NULL : mg_row_json_text(&report->rows[i]);
        const char *line = report->row_texts ? report->row_texts[i] : made;
        if (!line) {
            fclose(f.file);
            unlink(f.temp_path);
            return mg_fail(MG_E_INTERNAL, "%s: cannot encode case %s", path, report->rows[i].id);
        }
        fputs(line, f.file);
        fputc('\n', f.file);
        free(made);
    }
    return mg_atomic_commit(&f);
}
