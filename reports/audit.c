/* The defaults audit: what each stack's minimal setup lets through that the standard rejects.
 * It is read off the run: every xfail of the minimal policy names the divergence record
 * behind it, and the record says which check the stack skips and where that is documented. */
#include "report.h"

#include <stdio.h>
#include <string.h>

/* An xfail of the minimal policy for a verdict; an alert that went astray is not something
 * the setup lets through. */
static bool audited(const mg_report_row *r)
{
    return r->grade == MG_GRADE_XFAIL && strcmp(r->policy, "minimal") == 0 && r->divergence &&
           !r->divergence->alert;
}

static bool listed_before(const mg_report *report, size_t upto, const mg_divergence *d,
                          const char *scenario)
{
    for (size_t i = 0; i < upto; i++) {
        const mg_report_row *r = &report->rows[i];
        if (r->divergence == d && audited(r) &&
            (!scenario || strcmp(r->scenario->id, scenario) == 0))
            return true;
    }
    return false;
}

void mg_report_audit(const mg_report *report, mg_audit_fn each, void *ctx)
{
    for (size_t i = 0; i < report->count; i++) {
        const mg_report_row *r = &report->rows[i];
        if (!audited(r) || listed_before(report, i, r->divergence, NULL)) continue;
        char scenarios[1024] = "";
        size_t n = 0;
        for (size_t k = i; k < report->count && n < sizeof scenarios; k++) {
            const mg_report_row *o = &report->rows[k];
            if (o->divergence != r->divergence || !audited(o) ||
                listed_before(report, k, r->divergence, o->scenario->id))
                continue;
            n += (size_t)snprintf(scenarios + n, sizeof scenarios - n, "%s%s", n ? ", " : "",
                                  o->scenario->id);
        }
        each(ctx, r->divergence, scenarios);
    }
}
