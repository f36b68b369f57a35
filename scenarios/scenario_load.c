#include "ini_lines.h"
#include "scenario_fields.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    mg_scenario_set *set;
    const char *path;
    mg_scenario *current;
    mg_strings seen_keys; /* keys set in the current section, to refuse repeats */
} loader;

static bool fail_at(const loader *l, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Records "file:line: message" and returns false, the handler's way to stop. */
static bool fail_at(const loader *l, int line, const char *fmt, ...)
{
    char what[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    (void)mg_fail(MG_E_INPUT, "%s:%d: %s", l->path, line, what);
    return false;
}

static const scenario_field *find_field(const char *key, unsigned *side)
{
    *side = 0;
    const char *name = key;
    if (strncmp(key, "client.", 7) == 0) *side = SIDE_CLIENT, name = key + 7;
    else if (strncmp(key, "server.", 7) == 0) *side = SIDE_SERVER, name = key + 7;
    for (size_t i = 0; i < mg_scenario_field_count; i++) {
        const scenario_field *f = &mg_scenario_fields[i];
        if (strcmp(f->key, name) == 0 && ((*side == 0) == (f->sides == 0)) &&
            (*side == 0 || (f->sides & *side)))
            return f;
    }
    return NULL;
}

static bool in_choices(const char *choices, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = choices; p;) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == n && strncmp(p, word, n) == 0) return true;
        p = bar ? bar + 1 : NULL;
    }
    return false;
}

static bool add_ref(mg_scenario *s, const char *name, int line)
{
    mg_artifact_ref *grown = realloc(s->refs, (s->ref_count + 1) * sizeof *grown);
    if (!grown) return mg_failed(mg_fail(MG_E_INTERNAL, "out of memory"));
    s->refs = grown;
    s->refs[s->ref_count++] = (mg_artifact_ref){name, line};
    return true;
}

static bool set_expect(loader *l, mg_scenario *s, const char *value, int line)
{
    mg_strings words = {0};
    if (!mg_ok(mg_strings_add_split(&words, value))) return false;
    s->expected = calloc(words.count ? words.count : 1, sizeof *s->expected);
    bool ok = s->expected && words.count > 0;
    for (size_t i = 0; ok && i < words.count; i++) {
        ok = mg_verdict_parse(words.items[i], &s->expected[i]);
        if (!ok) fail_at(l, line, "unknown verdict \"%s\" (verdicts: ok, client-rejects:REASON, "
                         "server-rejects:REASON, client-error:REASON, server-error:REASON, "
                         "protocol:REASON; reasons as in DESIGN.md)", words.items[i]);
    }
    if (ok) s->expected_count = words.count;
    else if (words.count == 0) fail_at(l, line, "expect: no verdict given");
    mg_strings_free(&words);
    return ok;
}

static bool set_field(loader *l, mg_scenario *s, const scenario_field *f, unsigned side,
                      const char *key, const char *value, int line)
{
    char *base = side == SIDE_CLIENT ? (char *)&s->client
               : side == SIDE_SERVER ? (char *)&s->server : (char *)s;
    void *slot = base + f->offset;
    switch (f->kind) {
    case FIELD_TEXT: {
        char **text = slot;
        size_t old = *text ? strlen(*text) : 0;
        char *grown = realloc(*text, old + strlen(value) + 2);
        if (!grown) return mg_failed(mg_fail(MG_E_INTERNAL, "out of memory"));
        if (old) grown[old++] = ' ';
        strcpy(grown + old, value);
        *text = grown;
        return true;
    }
    case FIELD_ARTIFACT:
        if (!mg_ok(mg_strdup(value, (char **)slot))) return false;
        return add_ref(s, *(char **)slot, line);
    case FIELD_ARTIFACTS: {
        mg_strings *list = slot;
        if (f->offset == offsetof(mg_scenario_side, chain))
            ((mg_scenario_side *)base)->chain_set = true;
        if (strcmp(value, "none") == 0) return true;
        size_t before = list->count;
        if (!mg_ok(mg_strings_add_split(list, value))) return false;
        for (size_t i = before; i < list->count; i++)
            if (!add_ref(s, list->items[i], line)) return false;
        return true;
    }
    case FIELD_FLAG:
        if (strcmp(value, "yes") && strcmp(value, "no"))
            return fail_at(l, line, "%s: expected yes or no, got \"%s\"", key, value);
        *(bool *)slot = strcmp(value, "yes") == 0;
        return true;
    case FIELD_CHOICE:
        if (!in_choices(f->choices, value))
            return fail_at(l, line, "%s: expected one of %s", key, f->choices);
        return mg_ok(mg_strdup(value, (char **)slot));
    case FIELD_WORDS: {
        mg_strings *list = slot;
        if (!mg_ok(mg_strings_add_split(list, value))) return false;
        for (size_t i = 0; i < list->count; i++)
            if (!in_choices(f->choices, list->items[i]))
                return fail_at(l, line, "%s: unknown word, expected %s", key, f->choices);
        return true;
    }
    case FIELD_EXPECT:
        return set_expect(l, s, value, line);
    }
    return false;
}

static bool start_scenario(loader *l, const char *section, int line)
{
    const mg_scenario *dup = mg_scenario_find(l->set, section);
    if (dup) {
        return fail_at(l, line, "duplicate scenario id [%s] (first defined at %s:%d)", section,
                       dup->file, dup->line);
    }
    mg_scenario *grown = realloc(l->set->scenarios, (l->set->count + 1) * sizeof *grown);
    if (!grown) return mg_failed(mg_fail(MG_E_INTERNAL, "out of memory"));
    l->set->scenarios = grown;
    mg_scenario *s = &grown[l->set->count++];
    memset(s, 0, sizeof *s);
    s->line = line;
    l->current = s;
    mg_strings_free(&l->seen_keys);
    return mg_ok(mg_strdup(section, &s->id)) && mg_ok(mg_strdup(l->path, &s->file));
}

static bool on_key(void *user, const char *section, const char *key, const char *value,
                   mg_ini_position at)
{
    int line = at.line, section_line = at.section_line;
    loader *l = user;
    if (!section[0]) return fail_at(l, line, "key \"%s\" outside any [scenario-id] section", key);
    if (section_line || !l->current || strcmp(l->current->id, section) != 0) {
        if (!start_scenario(l, section, section_line ? section_line : line)) return false;
    }
    unsigned side;
    const scenario_field *f = find_field(key, &side);
    if (!f)
        return fail_at(l, line, "unknown key \"%s\" in [%s] (see scenarios/README.md)", key,
                       section);
    bool continuation = at.continued && f->kind == FIELD_TEXT;
    if (!continuation && mg_strings_contains(&l->seen_keys, key))
        return fail_at(l, line, "key \"%s\" set twice in [%s]", key, section);
    if (!mg_ok(mg_strings_add(&l->seen_keys, key))) return false;
    return set_field(l, l->current, f, side, key, value, line);
}

static MG_RESULT check_required(const char *path, const mg_scenario *s)
{
    for (size_t i = 0; i < mg_scenario_field_count; i++) {
        const scenario_field *f = &mg_scenario_fields[i];
        if (!f->required) continue;
        const void *slot = (const char *)s + f->offset;
        bool missing = f->kind == FIELD_EXPECT ? s->expected_count == 0 : !*(char *const *)slot;
        MG_ENSURE(!missing, MG_E_INPUT, "%s:%d: [%s] lacks the required key \"%s\" (%s)", path,
                  s->line, s->id, f->key, f->help);
    }
    return MG_OK;
}

mg_result mg_scenarios_load_file(const char *path, mg_scenario_set *set)
{
    loader l = {.set = set, .path = path};
    size_t first = set->count;
    mg_result r = mg_ini_parse_file(path, on_key, &l);
    mg_strings_free(&l.seen_keys);
    MG_GUARD(r);
    for (size_t i = first; i < set->count; i++) MG_GUARD(check_required(path, &set->scenarios[i]));
    return MG_OK;
}
