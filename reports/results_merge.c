/* report --from: reads run.json and results.jsonl of each folder back into report rows
 * (through the shared reader, results_read.h), checks that the inputs fit together, and names
 * a stack seen at several versions stack@version. */
#include "results_merge.h"

#include "path_join.h"
#include "read_file.h"
#include "results_read.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *file; /* results.jsonl path (kept in the store) */
    int line;
    size_t input;     /* which --from folder */
} row_origin;

struct mg_merged_results {
    mg_results_store *store; /* the records, run.json's included, and what rows point at */
    row_origin *origins;
    size_t origin_cap;
    char **input_stacks; /* per input: its run.json's stacks and versions, as one text */
    char stack_versions[1024];
};

static const char *text_field(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* A file of a --from folder, whole, through the capped reader (a FIFO, a device or a huge
 * file is refused, a read error is an error); the message names the folder too. */
static MG_RESULT read_input(const char *dir, const char *path, unsigned char **text, size_t *len)
{
    if (mg_ok(mg_read_file_or_empty(path, MG_READ_CAP_DATA, text, len))) return MG_OK;
    char why[1024];
    snprintf(why, sizeof why, "%s", mg_error_message());
    return mg_fail(MG_E_INPUT, "report --from %s: %s (a folder written by mtlsgrid run?)", dir,
                   why);
}

/* run.json: readable, of this schema version, agreeing with the first input. Its seconds
 * are added to the report's. */
static MG_RESULT read_run(mg_merged_results *m, const char *dir, size_t input, mg_run_info *run,
                          double *seconds)
{
    bool first = input == 0;
    char path[4200];
    MG_GUARD(mg_path_join(path, sizeof path, dir, "run.json"));
    unsigned char *text = NULL;
    size_t len = 0;
    MG_GUARD(read_input(dir, path, &text, &len));
    json_error_t err;
    json_t *doc = json_loadb((const char *)text, len, 0, &err);
    free(text);
    MG_ENSURE(doc, MG_E_INPUT, "report --from %s: %s: %s (a folder written by mtlsgrid run?)",
              dir, path, err.text);
    mg_result kept = mg_results_store_keep(m->store, doc);
    json_decref(doc);
    MG_GUARD(kept);
    *seconds += json_real_value(json_object_get(doc, "seconds"));
    json_int_t version = json_integer_value(json_object_get(doc, "schema_version"));
    MG_ENSURE(version == MG_RESULTS_SCHEMA_VERSION, MG_E_INPUT,
              "%s: schema_version %lld, this mtlsgrid reads %d", path, (long long)version,
              MG_RESULTS_SCHEMA_VERSION);
    const char *tool = text_field(doc, "tool_version"), *seed = text_field(doc, "seed");
    const char *mode = text_field(doc, "time_mode"), *started = text_field(doc, "started");
    const char *ended = text_field(doc, "ended");
    json_t *stacks = json_object_get(doc, "stacks");
    MG_ENSURE(tool && started && ended && json_is_array(stacks), MG_E_INPUT,
              "%s: not a run.json (needs tool_version, started, ended, stacks)", path);
    if (first) {
        run->tool_version = tool, run->seed = seed, run->time_mode = mode;
        snprintf(run->started, sizeof run->started, "%s", started);
        snprintf(run->ended, sizeof run->ended, "%s", ended);
        const char *host = text_field(doc, "hostname");
        snprintf(run->hostname, sizeof run->hostname, "%s", host ? host : "");
    }
    MG_ENSURE(strcmp(tool, run->tool_version) == 0, MG_E_INPUT,
              "%s: made by mtlsgrid %s, the first input by %s: inconsistent inputs", path, tool,
              run->tool_version);
    MG_ENSURE(!seed == !run->seed && (!seed || strcmp(seed, run->seed) == 0), MG_E_INPUT,
              "%s: seed \"%s\", the first input's \"%s\": not the same matrix", path,
              seed ? seed : "(none)", run->seed ? run->seed : "(none)");
    MG_ENSURE(!mode == !run->time_mode && (!mode || strcmp(mode, run->time_mode) == 0),
              MG_E_INPUT, "%s: time mode %s, the first input's %s: not the same matrix", path,
              mode ? mode : "(none)", run->time_mode ? run->time_mode : "(none)");
    if (strcmp(started, run->started) < 0)
        snprintf(run->started, sizeof run->started, "%s", started);
    if (strcmp(ended, run->ended) > 0) snprintf(run->ended, sizeof run->ended, "%s", ended);
    size_t i;
    json_t *s;
    char signature[2048] = "";
    size_t used = 0;
    json_array_foreach(stacks, i, s) {
        const char *name = text_field(s, "name"), *v = text_field(s, "version");
        MG_ENSURE(name && v, MG_E_INPUT, "%s: stacks[%zu] needs a name and a version", path, i);
        if (used < sizeof signature)
            used += (size_t)snprintf(signature + used, sizeof signature - used, "%s %s;", name, v);
        bool listed = false;
        for (size_t k = 0; k < run->stack_count && !listed; k++)
            listed = strcmp(run->stacks[k].name, name) == 0 &&
                     strcmp(run->stacks[k].version, v) == 0;
        if (listed) continue;
        MG_ENSURE(run->stack_count < MG_REPORT_STACK_MAX, MG_E_INPUT,
                  "%s: more than %d stack versions in the inputs", path, MG_REPORT_STACK_MAX);
        run->stacks[run->stack_count++] = (mg_stack_version){name, v};
    }
    return mg_results_store_string(m->store, signature, &m->input_stacks[input]);
}

/* Whether a stack appears at more than one version among the inputs. */
static bool several_versions(const mg_run_info *run, const char *name)
{
    size_t n = 0;
    for (size_t k = 0; k < run->stack_count; k++) n += strcmp(run->stacks[k].name, name) == 0;
    return n > 1;
}

static MG_RESULT display_name(mg_merged_results *m, const mg_run_info *run, const char *name,
                              const char *version, const char **out)
{
    if (!version || !several_versions(run, name)) {
        *out = name;
        return MG_OK;
    }
    char text[256];
    snprintf(text, sizeof text, "%s@%s", name, version);
    char *kept;
    MG_GUARD(mg_results_store_string(m->store, text, &kept));
    *out = kept;
    return MG_OK;
}

/* A stack seen at several versions is named stack@version, in the row and its case id. */
static MG_RESULT name_by_version(mg_merged_results *m, const mg_run_info *run, mg_report_row *row)
{
    const char *client = row->client, *server = row->server;
    MG_GUARD(display_name(m, run, client, row->client_version, &row->client));
    MG_GUARD(display_name(m, run, server, row->server_version, &row->server));
    if (row->client == client && row->server == server) return MG_OK;
    return mg_results_case_id(m->store, row->scenario->id, row->client, row->server, row->tls,
                              row->policy, &row->id);
}

static MG_RESULT read_results(mg_merged_results *m, const char *dir, size_t input,
                              const mg_run_info *run, mg_report *report)
{
    char path[4200], context[4300];
    MG_GUARD(mg_path_join(path, sizeof path, dir, "results.jsonl"));
    char *kept_path;
    MG_GUARD(mg_results_store_string(m->store, path, &kept_path));
    snprintf(context, sizeof context, "report --from %s", dir);
    size_t first = report->count;
    int *lines = NULL;
    size_t count = first;
    /* lines is indexed like report->rows; only this input's part is read below */
    mg_result r = mg_results_read_rows(m->store, kept_path, context, &report->rows, &lines, &count);
    if (mg_ok(r) && count > m->origin_cap) {
        row_origin *grown = realloc(m->origins, count * sizeof *grown);
        if (grown) m->origins = grown, m->origin_cap = count;
        else r = mg_fail(MG_E_INTERNAL, "out of memory");
    }
    for (size_t i = first; mg_ok(r) && i < count; i++) {
        r = name_by_version(m, run, &report->rows[i]);
        m->origins[i] = (row_origin){kept_path, lines[i], input};
        report->grade_counts[report->rows[i].grade]++;
    }
    free(lines);
    if (mg_ok(r)) report->count = count;
    return r;
}

static const mg_report *sort_report;

static int by_case_id(const void *a, const void *b)
{
    const mg_report_row *rows = sort_report->rows;
    return strcmp(rows[*(const size_t *)a].id, rows[*(const size_t *)b].id);
}

/* Two rows of one case. Inputs run at the same stack versions are shards of one run, so they
 * must be disjoint. Inputs at other versions of some stack (side by side) share the cases
 * that stack is not in: those are kept once, when both say the same. */
static MG_RESULT check_duplicate(const mg_report *report, const mg_merged_results *m, size_t a,
                                 size_t b, bool *drop_b)
{
    const row_origin *oa = &m->origins[a], *ob = &m->origins[b];
    const mg_report_row *ra = &report->rows[a], *rb = &report->rows[b];
    MG_ENSURE(strcmp(m->input_stacks[oa->input], m->input_stacks[ob->input]) != 0, MG_E_INPUT,
              "%s:%d: case %s is also in %s:%d: overlapping inputs (shards of one run are "
              "disjoint; give each folder once)",
              ob->file, ob->line, rb->id, oa->file, oa->line);
    MG_ENSURE(strcmp(ra->verdict, rb->verdict) == 0 && ra->grade == rb->grade, MG_E_INPUT,
              "%s:%d: case %s is %s (%s) here but %s (%s) at %s:%d: inconsistent inputs",
              ob->file, ob->line, rb->id, mg_grade_name(rb->grade), rb->verdict,
              mg_grade_name(ra->grade), ra->verdict, oa->file, oa->line);
    *drop_b = true;
    return MG_OK;
}

static MG_RESULT check_overlap(mg_report *report, const mg_merged_results *m)
{
    if (report->count < 2) return MG_OK;
    size_t *order = malloc(report->count * sizeof *order);
    bool *drop = calloc(report->count, sizeof *drop);
    mg_result r = order && drop ? MG_OK : mg_fail(MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; mg_ok(r) && i < report->count; i++) order[i] = i;
    sort_report = report;
    if (mg_ok(r)) qsort(order, report->count, sizeof *order, by_case_id);
    for (size_t i = 1; i < report->count && mg_ok(r); i++) {
        size_t a = order[i - 1], b = order[i];
        if (strcmp(report->rows[a].id, report->rows[b].id) != 0) continue;
        if (a > b) { size_t t = a; a = b; b = t; }
        r = check_duplicate(report, m, a, b, &drop[b]);
    }
    size_t kept = 0;
    for (size_t i = 0; mg_ok(r) && i < report->count; i++) {
        if (drop[i]) {
            report->grade_counts[report->rows[i].grade]--;
            continue;
        }
        report->rows[kept] = report->rows[i];
        m->origins[kept++] = m->origins[i];
    }
    if (mg_ok(r)) report->count = kept;
    free(order);
    free(drop);
    return r;
}

mg_result mg_results_merge(const char *const *dirs, size_t dir_count, mg_report *report,
                           mg_run_info *run, mg_merged_results **owner)
{
    mg_merged_results *m = calloc(1, sizeof *m);
    MG_ENSURE(m, MG_E_INTERNAL, "out of memory");
    *owner = m;
    MG_GUARD(mg_results_store_new(&m->store));
    MG_ENSURE(dir_count > 0, MG_E_USAGE, "report: --from needs at least one folder");
    m->input_stacks = calloc(dir_count, sizeof *m->input_stacks);
    MG_ENSURE(m->input_stacks, MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; i < dir_count; i++)
        MG_GUARD(read_run(m, dirs[i], i, run, &report->wall_seconds));
    for (size_t i = 0; i < dir_count; i++) MG_GUARD(read_results(m, dirs[i], i, run, report));
    MG_GUARD(check_overlap(report, m));
    size_t n = 0;
    for (size_t k = 0; k < run->stack_count; k++)
        n += (size_t)snprintf(m->stack_versions + n, sizeof m->stack_versions - n, "%s%s %s",
                              k ? ", " : "", run->stacks[k].name, run->stacks[k].version);
    report->stack_versions = m->stack_versions;
    return MG_OK;
}

void mg_merged_results_free(mg_merged_results *m)
{
    if (!m) return;
    mg_results_store_free(m->store);
    free(m->origins);
    free(m->input_stacks);
    free(m);
}
