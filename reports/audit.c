/* The defaults audit: what each stack's minimal setup lets through that the standard rejects.
 * It is read off the run: every xfail of the minimal policy names the divergence record
 * behind it, and the record says which check the stack skips and where that is documented. */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An xfail of the minimal policy for a verdict; an alert that went astray is not something
 * the setup lets through. */
static bool audited(const mg_report_row *r)
{
    return r->grade == MG_GRADE_XFAIL && strcmp(r->policy, "minimal") == 0 && r->divergence &&
           !r->divergence->alert;
}

/* One record of the audit: the scenarios it applied to, each once, in the order of the rows. */
typedef struct {
    const mg_divergence *divergence;
    const char **scenarios;
    size_t count, cap;
} audit_entry;

typedef struct {
    audit_entry *entries;
    size_t count, cap;
} audit_list;

static bool grow(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return true;
    size_t more = *cap ? 2 * *cap : 16;
    void *grown = realloc(*items, more * size);
    if (!grown) return false;
    *items = grown, *cap = more;
    return true;
}

static audit_entry *entry_for(audit_list *list, const mg_divergence *d)
{
    for (size_t i = 0; i < list->count; i++)
        if (list->entries[i].divergence == d) return &list->entries[i];
    if (!grow((void **)&list->entries, &list->cap, list->count + 1, sizeof *list->entries))
        return NULL;
    audit_entry *e = &list->entries[list->count++];
    *e = (audit_entry){d, NULL, 0, 0};
    return e;
}

static bool add_scenario(audit_entry *e, const char *scenario)
{
    for (size_t i = 0; i < e->count; i++)
        if (strcmp(e->scenarios[i], scenario) == 0) return true;
    if (!grow((void **)&e->scenarios, &e->cap, e->count + 1, sizeof *e->scenarios)) return false;
    e->scenarios[e->count++] = scenario;
    return true;
}

static void free_list(audit_list *list)
{
    for (size_t i = 0; i < list->count; i++) free(list->entries[i].scenarios);
    free(list->entries);
}

/* One pass over the rows (they are as many as the cases; the records and scenarios are few).
 * Out of memory, the audit lists what it gathered. */
void mg_report_audit(const mg_report *report, mg_audit_fn each, void *ctx)
{
    audit_list list = {NULL, 0, 0};
    for (size_t i = 0; i < report->count; i++) {
        const mg_report_row *r = &report->rows[i];
        if (!audited(r)) continue;
        audit_entry *e = entry_for(&list, r->divergence);
        if (!e || !add_scenario(e, r->scenario->id)) break;
    }
    for (size_t i = 0; i < list.count; i++) {
        const audit_entry *e = &list.entries[i];
        char scenarios[1024] = "";
        size_t n = 0;
        for (size_t k = 0; k < e->count && n < sizeof scenarios; k++)
            n += (size_t)snprintf(scenarios + n, sizeof scenarios - n, "%s%s", n ? ", " : "",
                                  e->scenarios[k]);
        each(ctx, e->divergence, scenarios);
    }
    free_list(&list);
}
