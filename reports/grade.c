#include "report.h"

#include <fnmatch.h>
#include <string.h>

static const char *const grade_names[MG_GRADE_COUNT] = {"pass", "fail", "xfail", "xpass", "skip"};

const char *mg_grade_name(mg_grade grade) { return grade < MG_GRADE_COUNT ? grade_names[grade] : "?"; }

static bool glob(const char *pattern, const char *text)
{
    return fnmatch(pattern, text ? text : "", 0) == 0;
}

/* The record's stack plays the record's side, at a matching version, against a matching peer. */
static bool stack_in_role(const mg_divergence *d, const mg_case_facts *f)
{
    const char *peer = d->peer ? d->peer : "*";
    bool as_client = strcmp(d->side, "server") != 0 && strcmp(d->stack, f->client) == 0 &&
                     glob(d->version, f->client_version) && glob(peer, f->server);
    bool as_server = strcmp(d->side, "client") != 0 && strcmp(d->stack, f->server) == 0 &&
                     glob(d->version, f->server_version) && glob(peer, f->client);
    return as_client || as_server;
}

static const mg_divergence *find_divergence(const mg_scenario_set *set, const mg_case_facts *f)
{
    for (size_t i = 0; i < set->divergence_count; i++) {
        const mg_divergence *d = &set->divergences[i];
        if (glob(d->scenario, f->scenario->id) && glob(d->tls, f->tls) &&
            glob(d->policy, f->policy) && stack_in_role(d, f))
            return d;
    }
    return NULL;
}

mg_grading mg_grade_case(const mg_scenario_set *set, const mg_case_facts *f)
{
    if (f->skipped) return (mg_grading){MG_GRADE_SKIP, NULL};
    bool allowed = mg_scenario_expects(f->scenario, f->verdict);
    const mg_divergence *d = find_divergence(set, f);
    if (!d) return (mg_grading){allowed ? MG_GRADE_PASS : MG_GRADE_FAIL, NULL};
    if (mg_verdict_equal(d->verdict, f->verdict)) return (mg_grading){MG_GRADE_XFAIL, d};
    return (mg_grading){allowed ? MG_GRADE_XPASS : MG_GRADE_FAIL, d};
}
