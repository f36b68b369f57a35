/* Known divergences: one INI section per record. Every key but `peer` is required, so that
 * no record lacks its reason or its reference; a record gives a verdict or `alert = unseen`,
 * not both, and the versions it was seen on as a `version` glob or a `versions` range. */
#include "glob_list.h"
#include "ini_lines.h"
#include "scenario.h"
#include "version_range.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *key;
    size_t offset;
    const char *choices; /* NULL: free text */
    bool optional;
} divergence_field;

#define AT(name) offsetof(mg_divergence, name)
static const divergence_field fields[] = {
    {"stack", AT(stack), NULL, false},
    {"side", AT(side), "client|server|*", false},
    {"scenario", AT(scenario), NULL, false},
    {"tls", AT(tls), "1.2|1.3|*", false},
    {"policy", AT(policy), "strict|minimal|*", false},
    {"version", AT(version), NULL, true},   /* one of version and versions: checked below */
    {"versions", AT(versions), NULL, true},
    {"peer", AT(peer), NULL, true},
    {"alert", AT(alert), "unseen", true},
    {"reason", AT(reason), NULL, false},
    {"reference", AT(reference), NULL, false},
};
#define FIELD_COUNT (sizeof fields / sizeof fields[0])

typedef struct {
    mg_scenario_set *set;
    const char *path;
    mg_divergence *current;
} loader;

static bool append_text(char **slot, const char *more)
{
    size_t old = strlen(*slot);
    char *grown = realloc(*slot, old + strlen(more) + 2);
    if (!grown) return mg_failed(mg_fail(MG_E_INTERNAL, "out of memory"));
    grown[old] = ' ';
    strcpy(grown + old + 1, more);
    *slot = grown;
    return true;
}

static bool choice_ok(const char *choices, const char *value)
{
    char buf[64];
    snprintf(buf, sizeof buf, "|%s|", choices);
    char want[64];
    snprintf(want, sizeof want, "|%s|", value);
    return strstr(buf, want) != NULL;
}

static bool start(loader *l, const char *section, int line)
{
    for (size_t i = 0; i < l->set->divergence_count; i++)
        if (strcmp(l->set->divergences[i].id, section) == 0)
            return mg_failed(mg_fail(MG_E_INPUT, "%s:%d: duplicate divergence id [%s]", l->path,
                                  line, section));
    mg_divergence *grown = realloc(l->set->divergences,
                                   (l->set->divergence_count + 1) * sizeof *grown);
    if (!grown) return mg_failed(mg_fail(MG_E_INTERNAL, "out of memory"));
    l->set->divergences = grown;
    l->current = &grown[l->set->divergence_count++];
    memset(l->current, 0, sizeof *l->current);
    l->current->line = line;
    return mg_ok(mg_strdup(section, &l->current->id)) &&
           mg_ok(mg_strdup(l->path, &l->current->file));
}

static bool on_key(void *user, const char *section, const char *key, const char *value,
                   mg_ini_position at)
{
    int line = at.line, section_line = at.section_line;
    loader *l = user;
    if (!section[0])
        return mg_failed(mg_fail(MG_E_INPUT,
                                 "%s:%d: key \"%s\" outside any [divergence-id] section", l->path,
                                 line, key));
    if (section_line || !l->current || strcmp(l->current->id, section) != 0)
        if (!start(l, section, section_line ? section_line : line)) return false;
    if (strcmp(key, "verdict") == 0) {
        if (l->current->verdict_given)
            return mg_failed(
                mg_fail(MG_E_INPUT, "%s:%d: key \"verdict\" set twice", l->path, line));
        l->current->verdict_given = mg_verdict_parse(value, &l->current->verdict);
        if (!l->current->verdict_given)
            return mg_failed(
                mg_fail(MG_E_INPUT, "%s:%d: unknown verdict \"%s\"", l->path, line, value));
        return true;
    }
    for (size_t i = 0; i < FIELD_COUNT; i++) {
        if (strcmp(fields[i].key, key) != 0) continue;
        char **slot = (char **)((char *)l->current + fields[i].offset);
        if (*slot && at.continued && !fields[i].choices) return append_text(slot, value);
        if (*slot)
            return mg_failed(
                mg_fail(MG_E_INPUT, "%s:%d: key \"%s\" set twice", l->path, line, key));
        if (fields[i].choices && !choice_ok(fields[i].choices, value))
            return mg_failed(mg_fail(MG_E_INPUT, "%s:%d: %s: expected one of %s", l->path, line,
                                  key, fields[i].choices));
        return mg_ok(mg_strdup(value, slot));
    }
    return mg_failed(mg_fail(MG_E_INPUT, "%s:%d: unknown key \"%s\" in divergence [%s]", l->path,
                          line, key, section));
}

mg_result mg_divergences_load_file(const char *path, mg_scenario_set *set)
{
    loader l = {.set = set, .path = path};
    size_t first = set->divergence_count;
    MG_GUARD(mg_ini_parse_file(path, on_key, &l));
    for (size_t i = first; i < set->divergence_count; i++) {
        mg_divergence *d = &set->divergences[i];
        for (size_t f = 0; f < FIELD_COUNT; f++)
            MG_ENSURE(fields[f].optional || *(char **)((char *)d + fields[f].offset), MG_E_INPUT,
                      "%s:%d: divergence [%s] lacks \"%s\"", path, d->line, d->id, fields[f].key);
        MG_ENSURE(d->verdict_given != (d->alert != NULL), MG_E_INPUT,
                  "%s:%d: divergence [%s] needs either \"verdict\" or \"alert\", not %s", path,
                  d->line, d->id, d->verdict_given ? "both" : "neither");
        MG_ENSURE(!d->version != !d->versions, MG_E_INPUT,
                  "%s:%d: divergence [%s] needs either \"version\" (a glob) or \"versions\" "
                  "(a range), not %s", path, d->line, d->id, d->version ? "both" : "neither");
        const char *bad = d->versions ? mg_version_range_check(d->versions) : NULL;
        MG_ENSURE(!bad, MG_E_INPUT, "%s:%d: divergence [%s]: versions: %s", path, d->line, d->id,
                  bad);
    }
    return MG_OK;
}

bool mg_divergence_applies_to(const mg_divergence *d, const char *stack_version)
{
    if (d->versions) return mg_version_range_match(d->versions, stack_version);
    return mg_glob_list_match(d->version, stack_version); /* a comma list of globs */
}

const char *mg_divergence_versions_text(const mg_divergence *d)
{
    return d->versions ? d->versions : d->version;
}
