/* report --from: reads run.json and results.jsonl of each folder back into report rows. The
 * rows point at scenario and divergence records rebuilt from the rows' own fields, so the
 * writers work on a merged report as on a fresh run. */
#include "results_merge.h"

#include "alert_names.h"
#include "path_join.h"
#include "read_file.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_RESULTS_LINE (1 << 20) /* a results row is a few kB: anything longer is not one */

typedef struct {
    mg_scenario scenario;
    json_t *expected; /* the JSON list, to compare with other inputs */
    char where[4300]; /* the first file:line that named it */
} merged_scenario;

typedef struct {
    mg_divergence divergence;
    char where[4300];
} merged_divergence;

typedef struct {
    const char *file; /* results.jsonl path (kept in merged->strings) */
    int line;
    size_t input;     /* which --from folder */
} row_origin;

struct mg_merged_results {
    json_t **docs; /* every parsed run.json and row, kept: the rows' strings point into them */
    size_t doc_count, doc_cap;
    merged_scenario **scenarios;
    size_t scenario_count;
    merged_divergence **divergences;
    size_t divergence_count;
    char **strings; /* ids, stack@version names, expected verdicts */
    size_t string_count, string_cap;
    row_origin *origins;
    char **input_stacks; /* per input: its run.json's stacks and versions, as one text */
    char stack_versions[1024];
};

static MG_RESULT keep_doc(mg_merged_results *m, json_t *doc)
{
    if (m->doc_count == m->doc_cap) {
        size_t cap = m->doc_cap ? m->doc_cap * 2 : 256;
        json_t **grown = realloc(m->docs, cap * sizeof *grown);
        if (!grown) json_decref(doc);
        MG_ENSURE(grown, MG_E_INTERNAL, "out of memory");
        m->docs = grown, m->doc_cap = cap;
    }
    m->docs[m->doc_count++] = doc;
    return MG_OK;
}

static MG_RESULT keep_string(mg_merged_results *m, const char *text, char **out)
{
    if (m->string_count == m->string_cap) {
        size_t cap = m->string_cap ? m->string_cap * 2 : 256;
        char **grown = realloc(m->strings, cap * sizeof *grown);
        MG_ENSURE(grown, MG_E_INTERNAL, "out of memory");
        m->strings = grown, m->string_cap = cap;
    }
    *out = strdup(text);
    MG_ENSURE(*out, MG_E_INTERNAL, "out of memory");
    m->strings[m->string_count++] = *out;
    return MG_OK;
}

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

/* run.json: readable, of this schema version, agreeing with the first input. */
static MG_RESULT read_run(mg_merged_results *m, const char *dir, size_t input, mg_run_info *run)
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
    MG_GUARD(keep_doc(m, doc));
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
    return keep_string(m, signature, &m->input_stacks[input]);
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
    MG_GUARD(keep_string(m, text, &kept));
    *out = kept;
    return MG_OK;
}

static MG_RESULT find_scenario(mg_merged_results *m, json_t *row, const char *where,
                               const mg_scenario **out)
{
    const char *id = text_field(row, "scenario"), *family = text_field(row, "family");
    const char *standard = text_field(row, "standard");
    json_t *expected = json_object_get(row, "expected");
    for (size_t i = 0; i < m->scenario_count; i++) {
        merged_scenario *s = m->scenarios[i];
        if (strcmp(s->scenario.id, id) != 0) continue;
        MG_ENSURE(json_equal(s->expected, expected) && strcmp(s->scenario.standard, standard) == 0,
                  MG_E_INPUT, "%s: scenario %s expects other verdicts (or cites another standard) "
                  "than at %s: inconsistent inputs", where, id, s->where);
        *out = &s->scenario;
        return MG_OK;
    }
    merged_scenario *s = calloc(1, sizeof *s);
    merged_scenario **grown = s ? realloc(m->scenarios, (m->scenario_count + 1) * sizeof *grown)
                                : NULL;
    if (!grown) free(s);
    MG_ENSURE(grown, MG_E_INTERNAL, "out of memory");
    m->scenarios = grown;
    m->scenarios[m->scenario_count++] = s;
    size_t n = json_array_size(expected);
    s->scenario.expected = calloc(n ? n : 1, sizeof *s->scenario.expected);
    MG_ENSURE(s->scenario.expected, MG_E_INTERNAL, "out of memory");
    for (size_t k = 0; k < n; k++) {
        const char *v = json_string_value(json_array_get(expected, k));
        MG_ENSURE(v && mg_verdict_parse(v, &s->scenario.expected[k]), MG_E_INPUT,
                  "%s: expected[%zu] is not a verdict", where, k);
    }
    s->scenario.expected_count = n;
    s->scenario.id = (char *)id, s->scenario.family = (char *)family;
    s->scenario.standard = (char *)standard;
    s->expected = expected;
    snprintf(s->where, sizeof s->where, "%s", where);
    *out = &s->scenario;
    return MG_OK;
}

static MG_RESULT find_divergence(mg_merged_results *m, json_t *d, const char *where,
                                 const mg_divergence **out)
{
    *out = NULL;
    if (json_is_null(d)) return MG_OK;
    const char *id = text_field(d, "id"), *stack = text_field(d, "stack");
    const char *reason = text_field(d, "reason"), *reference = text_field(d, "reference");
    MG_ENSURE(id && stack && reason && reference, MG_E_INPUT,
              "%s: divergence needs id, stack, reason and reference", where);
    for (size_t i = 0; i < m->divergence_count; i++) {
        merged_divergence *x = m->divergences[i];
        if (strcmp(x->divergence.id, id) != 0) continue;
        MG_ENSURE(strcmp(x->divergence.reference, reference) == 0 &&
                      strcmp(x->divergence.reason, reason) == 0,
                  MG_E_INPUT, "%s: divergence %s reads otherwise than at %s: inconsistent inputs",
                  where, id, x->where);
        *out = &x->divergence;
        return MG_OK;
    }
    merged_divergence *x = calloc(1, sizeof *x);
    merged_divergence **grown =
        x ? realloc(m->divergences, (m->divergence_count + 1) * sizeof *grown) : NULL;
    if (!grown) free(x);
    MG_ENSURE(grown, MG_E_INTERNAL, "out of memory");
    m->divergences = grown;
    m->divergences[m->divergence_count++] = x;
    x->divergence = (mg_divergence){.id = (char *)id, .stack = (char *)stack,
                                    .reason = (char *)reason, .reference = (char *)reference,
                                    .alert = (char *)text_field(d, "alert")};
    snprintf(x->where, sizeof x->where, "%s", where);
    *out = &x->divergence;
    return MG_OK;
}

static int alert_number(const char *name)
{
    if (!name) return MG_NO_ALERT;
    for (int n = 0; n < 256; n++) {
        char buf[32];
        const char *known = mg_alert_short_name(n, buf, sizeof buf);
        if (known && strcmp(known, name) == 0) return n;
    }
    return MG_NO_ALERT;
}

static MG_RESULT read_side(json_t *o, const char *where, mg_side_outcome *side)
{
    mg_side_outcome_init(side);
    if (!o) return MG_OK;
    const char *state = text_field(o, "state"), *reason = text_field(o, "reason");
    bool known = false;
    for (int s = MG_SIDE_OK; s <= MG_SIDE_INCOMPLETE && state && !known; s++)
        if (strcmp(mg_side_state_name((mg_side_state)s), state) == 0)
            side->state = (mg_side_state)s, known = true;
    MG_ENSURE(known, MG_E_INPUT, "%s: sides: unknown state \"%s\"", where, state ? state : "");
    MG_ENSURE(!reason || mg_reason_parse(reason, &side->reason), MG_E_INPUT,
              "%s: sides: unknown reason \"%s\"", where, reason);
    side->native_code = (long)json_integer_value(json_object_get(o, "native_code"));
    side->alert_sent = alert_number(text_field(o, "alert_sent"));
    side->alert_received = alert_number(text_field(o, "alert_received"));
    return MG_OK;
}

static MG_RESULT parse_grade(const char *name, const char *where, mg_grade *out)
{
    for (int g = 0; g < MG_GRADE_COUNT; g++)
        if (name && strcmp(mg_grade_name((mg_grade)g), name) == 0) {
            *out = (mg_grade)g;
            return MG_OK;
        }
    return mg_fail(MG_E_INPUT, "%s: unknown grade \"%s\"", where, name ? name : "");
}


/* SCENARIO/CLIENT-SERVER/tlsV/POLICY, as long as its parts (limbo's ids can be kilobytes);
 * NULL when memory runs out. */
static char *case_id(const char *scenario, const char *client, const char *server,
                     const char *tls, const char *policy)
{
    size_t len = strlen(scenario) + strlen(client) + strlen(server) + strlen(tls) +
                 strlen(policy) + 8;
    char *id = malloc(len);
    if (id) snprintf(id, len, "%s/%s-%s/tls%s/%s", scenario, client, server, tls, policy);
    return id;
}

static MG_RESULT read_row(mg_merged_results *m, const mg_run_info *run, json_t *o,
                          const char *where, mg_report_row *row)
{
    const char *id, *client, *server, *tls, *policy, *grade, *reason_text;
    double ms;
    json_error_t err;
    MG_ENSURE(json_unpack_ex(o, &err, 0, "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:F, s:s, s:s, s:s}",
                             "case", &id, "client", &client, "server", &server, "tls", &tls,
                             "policy", &policy, "grade", &grade, "reason_text", &reason_text,
                             "ms", &ms, "scenario", &(const char *){0}, "family",
                             &(const char *){0}, "standard", &(const char *){0}) == 0 &&
                  json_is_array(json_object_get(o, "expected")),
              MG_E_INPUT, "%s: not a results.jsonl record (%s)", where, err.text);
    const char *scenario_id = text_field(o, "scenario");
    char *expected_id = case_id(scenario_id, client, server, tls, policy);
    MG_ENSURE(expected_id, MG_E_INTERNAL, "out of memory");
    bool same = strcmp(expected_id, id) == 0;
    mg_result mismatch =
        same ? MG_OK
             : mg_fail(MG_E_INPUT, "%s: case \"%s\" does not match its fields (%s)", where, id,
                       expected_id);
    free(expected_id);
    MG_GUARD(mismatch);
    const char *cv = text_field(o, "client_version"), *sv = text_field(o, "server_version");
    *row = (mg_report_row){.tls = tls, .policy = policy, .ms = ms, .client_version = cv,
                           .server_version = sv};
    MG_GUARD(display_name(m, run, client, cv, &row->client));
    MG_GUARD(display_name(m, run, server, sv, &row->server));
    char *merged_id = case_id(scenario_id, row->client, row->server, tls, policy);
    MG_ENSURE(merged_id, MG_E_INTERNAL, "out of memory");
    mg_result kept = keep_string(m, merged_id, &row->id);
    free(merged_id);
    MG_GUARD(kept);
    MG_GUARD(find_scenario(m, o, where, &row->scenario));
    MG_GUARD(find_divergence(m, json_object_get(o, "divergence"), where, &row->divergence));
    MG_GUARD(parse_grade(grade, where, &row->grade));
    const char *verdict = text_field(o, "verdict");
    snprintf(row->verdict, sizeof row->verdict, "%s", verdict ? verdict : "");
    snprintf(row->reason_text, sizeof row->reason_text, "%s", reason_text);
    json_t *sides = json_object_get(o, "sides");
    MG_GUARD(read_side(json_object_get(sides, "client"), where, &row->client_side));
    return read_side(json_object_get(sides, "server"), where, &row->server_side);
}

static MG_RESULT grow_rows(mg_report *report, mg_merged_results *m, size_t *cap)
{
    if (report->count < *cap) return MG_OK;
    size_t n = *cap ? *cap * 2 : 1024;
    mg_report_row *rows = realloc(report->rows, n * sizeof *rows);
    MG_ENSURE(rows, MG_E_INTERNAL, "out of memory");
    report->rows = rows;
    row_origin *origins = realloc(m->origins, n * sizeof *origins);
    MG_ENSURE(origins, MG_E_INTERNAL, "out of memory");
    m->origins = origins;
    *cap = n;
    return MG_OK;
}

static MG_RESULT read_results(mg_merged_results *m, const char *dir, size_t input,
                              const mg_run_info *run, mg_report *report, size_t *cap)
{
    char path[4200];
    MG_GUARD(mg_path_join(path, sizeof path, dir, "results.jsonl"));
    char *kept_path;
    MG_GUARD(keep_string(m, path, &kept_path));
    unsigned char *text = NULL;
    size_t len = 0;
    MG_GUARD(read_input(dir, path, &text, &len));
    int line_no = 0;
    mg_result r = MG_OK;
    for (char *line = (char *)text, *next; mg_ok(r) && line && *line; line = next) {
        next = strchr(line, '\n');
        size_t got = next ? (size_t)(next - line) + 1 : strlen(line);
        if (next) *next++ = '\0';
        line_no++;
        char where[4300];
        snprintf(where, sizeof where, "%s:%d", path, line_no);
        if (got > MAX_RESULTS_LINE) { r = mg_fail(MG_E_INPUT, "%s: line too long", where); break; }
        if (line[strspn(line, " \t\r\n")] == '\0') continue;
        json_error_t err;
        json_t *o = json_loads(line, 0, &err);
        if (!o) { r = mg_fail(MG_E_INPUT, "%s: not JSON: %s", where, err.text); break; }
        r = keep_doc(m, o);
        if (mg_ok(r)) r = grow_rows(report, m, cap);
        if (mg_ok(r)) r = read_row(m, run, o, where, &report->rows[report->count]);
        if (mg_ok(r)) {
            m->origins[report->count] = (row_origin){kept_path, line_no, input};
            report->grade_counts[report->rows[report->count].grade]++;
            report->count++;
        }
    }
    free(text);
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
    MG_ENSURE(dir_count > 0, MG_E_USAGE, "report: --from needs at least one folder");
    m->input_stacks = calloc(dir_count, sizeof *m->input_stacks);
    MG_ENSURE(m->input_stacks, MG_E_INTERNAL, "out of memory");
    for (size_t i = 0; i < dir_count; i++) MG_GUARD(read_run(m, dirs[i], i, run));
    size_t cap = 0;
    for (size_t i = 0; i < dir_count; i++) {
        MG_GUARD(read_results(m, dirs[i], i, run, report, &cap));
        double seconds = json_real_value(json_object_get(m->docs[i], "seconds"));
        report->wall_seconds += seconds;
    }
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
    for (size_t i = 0; i < m->doc_count; i++) json_decref(m->docs[i]);
    for (size_t i = 0; i < m->scenario_count; i++) {
        free(m->scenarios[i]->scenario.expected);
        free(m->scenarios[i]);
    }
    for (size_t i = 0; i < m->divergence_count; i++) free(m->divergences[i]);
    for (size_t i = 0; i < m->string_count; i++) free(m->strings[i]);
    free(m->docs), free(m->scenarios), free(m->divergences), free(m->strings);
    free(m->origins);
    free(m->input_stacks);
    free(m);
}
