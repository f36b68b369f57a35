/* A results.jsonl record back into a report row. The row points at scenario and divergence
 * records rebuilt from the rows' own fields, so the writers work on rows read back as on a
 * fresh run. */
#include "results_read.h"

#include "alert_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    mg_scenario scenario;
    json_t *expected; /* the JSON list, to compare with later rows */
    char where[4300]; /* the first file:line that named it */
} stored_scenario;

typedef struct {
    mg_divergence divergence;
    char where[4300];
} stored_divergence;

struct mg_results_store {
    json_t **docs; /* every record kept: the rows' strings point into them */
    size_t doc_count, doc_cap;
    stored_scenario **scenarios;
    size_t scenario_count;
    stored_divergence **divergences;
    size_t divergence_count;
    char **strings;
    size_t string_count, string_cap;
};

mg_result mg_results_store_new(mg_results_store **out)
{
    *out = calloc(1, sizeof **out);
    MG_ENSURE(*out, MG_E_INTERNAL, "out of memory");
    return MG_OK;
}

void mg_results_store_free(mg_results_store *s)
{
    if (!s) return;
    for (size_t i = 0; i < s->doc_count; i++) json_decref(s->docs[i]);
    for (size_t i = 0; i < s->scenario_count; i++) {
        free(s->scenarios[i]->scenario.expected);
        free(s->scenarios[i]);
    }
    for (size_t i = 0; i < s->divergence_count; i++) free(s->divergences[i]);
    for (size_t i = 0; i < s->string_count; i++) free(s->strings[i]);
    free(s->docs), free(s->scenarios), free(s->divergences), free(s->strings);
    free(s);
}

mg_result mg_results_store_keep(mg_results_store *s, json_t *doc)
{
    if (s->doc_count == s->doc_cap) {
        size_t cap = s->doc_cap ? s->doc_cap * 2 : 256;
        json_t **grown = realloc(s->docs, cap * sizeof *grown);
        MG_ENSURE(grown, MG_E_INTERNAL, "out of memory");
        s->docs = grown, s->doc_cap = cap;
    }
    s->docs[s->doc_count++] = json_incref(doc);
    return MG_OK;
}

mg_result mg_results_store_string(mg_results_store *s, const char *text, char **out)
{
    if (s->string_count == s->string_cap) {
        size_t cap = s->string_cap ? s->string_cap * 2 : 256;
        char **grown = realloc(s->strings, cap * sizeof *grown);
        MG_ENSURE(grown, MG_E_INTERNAL, "out of memory");
        s->strings = grown, s->string_cap = cap;
    }
    *out = strdup(text);
    MG_ENSURE(*out, MG_E_INTERNAL, "out of memory");
    s->strings[s->string_count++] = *out;
    return MG_OK;
}

mg_result mg_results_case_id(mg_results_store *s, const char *scenario, const char *client,
                             const char *server, const char *tls, const char *policy, char **out)
{
    size_t len = strlen(scenario) + strlen(client) + strlen(server) + strlen(tls) +
                 strlen(policy) + 8;
    char *id = malloc(len);
    MG_ENSURE(id, MG_E_INTERNAL, "out of memory");
    snprintf(id, len, "%s/%s-%s/tls%s/%s", scenario, client, server, tls, policy);
    mg_result r = mg_results_store_string(s, id, out);
    free(id);
    return r;
}

static const char *text_field(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* An expected verdict as results.jsonl writes it: "client-rejects:" (no reason) is limbo's
 * "any rejection by that side", what mg_verdict_format writes for MG_REASON_NONE. */
static bool parse_expected(const char *text, mg_verdict *out)
{
    if (mg_verdict_parse(text, out)) return true;
    size_t len = strlen(text);
    if (len < 2 || text[len - 1] != ':') return false;
    for (int k = 0; k < MG_VERDICT_KIND_COUNT; k++) {
        mg_verdict v = {(mg_verdict_kind)k, MG_REASON_NONE};
        char formatted[96];
        mg_verdict_format(v, formatted, sizeof formatted);
        if (strcmp(formatted, text) == 0) {
            *out = v;
            return true;
        }
    }
    return false;
}

static MG_RESULT find_scenario(mg_results_store *s, json_t *row, const char *where,
                               const mg_scenario **out)
{
    const char *id = text_field(row, "scenario"), *family = text_field(row, "family");
    const char *standard = text_field(row, "standard");
    json_t *expected = json_object_get(row, "expected");
    for (size_t i = 0; i < s->scenario_count; i++) {
        stored_scenario *x = s->scenarios[i];
        if (strcmp(x->scenario.id, id) != 0) continue;
        MG_ENSURE(json_equal(x->expected, expected) && strcmp(x->scenario.standard, standard) == 0,
                  MG_E_INPUT, "%s: scenario %s expects other verdicts (or cites another standard) "
                  "than at %s: inconsistent inputs", where, id, x->where);
        *out = &x->scenario;
        return MG_OK;
    }
    stored_scenario *x = calloc(1, sizeof *x);
    stored_scenario **grown = x ? realloc(s->scenarios, (s->scenario_count + 1) * sizeof *grown)
                                : NULL;
    if (!grown) free(x);
    MG_ENSURE(grown, MG_E_INTERNAL, "out of memory");
    s->scenarios = grown;
    s->scenarios[s->scenario_count++] = x;
    size_t n = json_array_size(expected);
    x->scenario.expected = calloc(n ? n : 1, sizeof *x->scenario.expected);
    MG_ENSURE(x->scenario.expected, MG_E_INTERNAL, "out of memory");
    for (size_t k = 0; k < n; k++) {
        const char *v = json_string_value(json_array_get(expected, k));
        MG_ENSURE(v && parse_expected(v, &x->scenario.expected[k]), MG_E_INPUT,
                  "%s: expected[%zu] is not a verdict", where, k);
    }
    x->scenario.expected_count = n;
    x->scenario.id = (char *)id, x->scenario.family = (char *)family;
    x->scenario.standard = (char *)standard;
    x->expected = expected;
    snprintf(x->where, sizeof x->where, "%s", where);
    *out = &x->scenario;
    return MG_OK;
}

static MG_RESULT find_divergence(mg_results_store *s, json_t *d, const char *where,
                                 const mg_divergence **out)
{
    *out = NULL;
    if (!d || json_is_null(d)) return MG_OK;
    const char *id = text_field(d, "id"), *stack = text_field(d, "stack");
    const char *reason = text_field(d, "reason"), *reference = text_field(d, "reference");
    MG_ENSURE(id && stack && reason && reference, MG_E_INPUT,
              "%s: divergence needs id, stack, reason and reference", where);
    for (size_t i = 0; i < s->divergence_count; i++) {
        stored_divergence *x = s->divergences[i];
        if (strcmp(x->divergence.id, id) != 0) continue;
        MG_ENSURE(strcmp(x->divergence.reference, reference) == 0 &&
                      strcmp(x->divergence.reason, reason) == 0,
                  MG_E_INPUT, "%s: divergence %s reads otherwise than at %s: inconsistent inputs",
                  where, id, x->where);
        *out = &x->divergence;
        return MG_OK;
    }
    stored_divergence *x = calloc(1, sizeof *x);
    stored_divergence **grown =
        x ? realloc(s->divergences, (s->divergence_count + 1) * sizeof *grown) : NULL;
    if (!grown) free(x);
    MG_ENSURE(grown, MG_E_INTERNAL, "out of memory");
    s->divergences = grown;
    s->divergences[s->divergence_count++] = x;
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

mg_result mg_results_row_read(mg_results_store *s, json_t *o, const char *where,
                              mg_report_row *row)
{
    const char *id, *client, *server, *tls, *policy, *grade, *reason_text, *scenario_id;
    double ms;
    json_error_t err = {0};
    MG_ENSURE(json_unpack_ex(o, &err, 0, "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:F, s:s, s:s, s:s}",
                             "case", &id, "client", &client, "server", &server, "tls", &tls,
                             "policy", &policy, "grade", &grade, "reason_text", &reason_text,
                             "ms", &ms, "scenario", &scenario_id, "family", &(const char *){0},
                             "standard", &(const char *){0}) == 0 &&
                  json_is_array(json_object_get(o, "expected")),
              MG_E_INPUT, "%s: not a results.jsonl record (%s)", where,
              err.text[0] ? err.text : "expected is not a list");
    MG_GUARD(mg_results_store_keep(s, o));
    char *expected_id;
    MG_GUARD(mg_results_case_id(s, scenario_id, client, server, tls, policy, &expected_id));
    MG_ENSURE(strcmp(expected_id, id) == 0, MG_E_INPUT,
              "%s: case \"%s\" does not match its fields (%s)", where, id, expected_id);
    *row = (mg_report_row){.id = (char *)id, .client = client, .server = server, .tls = tls,
                           .policy = policy, .ms = ms,
                           .client_version = text_field(o, "client_version"),
                           .server_version = text_field(o, "server_version")};
    MG_GUARD(find_scenario(s, o, where, &row->scenario));
    MG_GUARD(find_divergence(s, json_object_get(o, "divergence"), where, &row->divergence));
    MG_GUARD(parse_grade(grade, where, &row->grade));
    const char *verdict = text_field(o, "verdict");
    snprintf(row->verdict, sizeof row->verdict, "%s", verdict ? verdict : "");
    snprintf(row->reason_text, sizeof row->reason_text, "%s", reason_text);
    json_t *sides = json_object_get(o, "sides");
    MG_GUARD(read_side(json_object_get(sides, "client"), where, &row->client_side));
    return read_side(json_object_get(sides, "server"), where, &row->server_side);
}

typedef struct {
    mg_results_store *store;
    mg_report_row **rows;
    int **lines;
    size_t *count, cap;
} row_reader;

static mg_result read_one(void *ctx, json_t *record, const char *where)
{
    row_reader *r = ctx;
    if (*r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 1024;
        mg_report_row *rows = realloc(*r->rows, cap * sizeof *rows);
        MG_ENSURE(rows, MG_E_INTERNAL, "out of memory");
        *r->rows = rows;
        if (r->lines) {
            int *lines = realloc(*r->lines, cap * sizeof *lines);
            MG_ENSURE(lines, MG_E_INTERNAL, "out of memory");
            *r->lines = lines;
        }
        r->cap = cap;
    }
    MG_GUARD(mg_results_row_read(r->store, record, where, &(*r->rows)[*r->count]));
    if (r->lines) (*r->lines)[*r->count] = atoi(strrchr(where, ':') + 1);
    (*r->count)++;
    return MG_OK;
}

mg_result mg_results_read_rows(mg_results_store *store, const char *path, const char *context,
                               mg_report_row **rows, int **lines, size_t *count)
{
    /* the arrays may have been grown by an earlier call: cap is what they hold now */
    row_reader r = {store, rows, lines, count, *count};
    return mg_results_each_record(path, context, read_one, &r);
}
