#include "report.h"

#include "glob_list.h"

#include <string.h>

static const char *const grade_names[MG_GRADE_COUNT] = {"pass", "fail", "xfail", "xpass", "skip"};

const char *mg_grade_name(mg_grade grade)
{
    return grade < MG_GRADE_COUNT ? grade_names[grade] : "?";
}

/* Record fields may list alternatives (scenario = a,b; peer = x,y). */
static bool glob(const char *pattern, const char *text)
{
    return mg_glob_list_match(pattern, text);
}

/* The record's stack plays the record's side, at a matching version, against a matching peer. */
static bool stack_in_role(const mg_divergence *d, const mg_case_facts *f)
{
    const char *peer = d->peer ? d->peer : "*";
    bool as_client = strcmp(d->side, "server") != 0 && strcmp(d->stack, f->client) == 0 &&
                     mg_divergence_applies_to(d, f->client_version) && glob(peer, f->server);
    bool as_server = strcmp(d->side, "client") != 0 && strcmp(d->stack, f->server) == 0 &&
                     mg_divergence_applies_to(d, f->server_version) && glob(peer, f->client);
    return as_client || as_server;
}

/* An alert record's stack is the side that rejected; its peer glob names the other. */
static bool stack_rejected(const mg_divergence *d, const mg_case_facts *f)
{
    bool client = f->verdict.kind == MG_VERDICT_CLIENT_REJECTS;
    if (!client && f->verdict.kind != MG_VERDICT_SERVER_REJECTS) return false;
    const char *role = client ? "client" : "server";
    const char *stack = client ? f->client : f->server, *peer = client ? f->server : f->client;
    const char *version = client ? f->client_version : f->server_version;
    return (strcmp(d->side, "*") == 0 || strcmp(d->side, role) == 0) &&
           strcmp(d->stack, stack) == 0 && mg_divergence_applies_to(d, version) &&
           glob(d->peer ? d->peer : "*", peer);
}

static const mg_divergence *find_divergence(const mg_scenario_set *set, const mg_case_facts *f,
                                            bool alert_records)
{
    for (size_t i = 0; i < set->divergence_count; i++) {
        const mg_divergence *d = &set->divergences[i];
        /* The stack test first: both role tests want the record's stack on one side, and it
         * is a strcmp where the scenario list is a glob per alternative (every case is graded
         * against every record). */
        bool stack_here = strcmp(d->stack, f->client) == 0 || strcmp(d->stack, f->server) == 0;
        if (!stack_here || (d->alert != NULL) != alert_records ||
            !glob(d->scenario, f->scenario->id) ||
            !glob(d->tls, f->tls) || !glob(d->policy, f->policy))
            continue;
        if (alert_records ? stack_rejected(d, f) : stack_in_role(d, f)) return d;
    }
    return NULL;
}

/* An allowed verdict: a rejection is checked for its alert too. */
static mg_grading grade_alert(const mg_scenario_set *set, const mg_case_facts *f)
{
    const mg_divergence *d = find_divergence(set, f, true);
    if (f->alert_unseen) return (mg_grading){d ? MG_GRADE_XFAIL : MG_GRADE_FAIL, d, true};
    return (mg_grading){d ? MG_GRADE_XPASS : MG_GRADE_PASS, d, false};
}

mg_grading mg_grade_case(const mg_scenario_set *set, const mg_case_facts *f)
{
    if (f->skipped) return (mg_grading){MG_GRADE_SKIP, NULL, false};
    bool allowed = mg_scenario_expects(f->scenario, f->verdict);
    const mg_divergence *d = find_divergence(set, f, false);
    if (!d) return allowed ? grade_alert(set, f) : (mg_grading){MG_GRADE_FAIL, NULL, false};
    if (d->verdict_given && mg_verdict_equal(d->verdict, f->verdict))
        return (mg_grading){MG_GRADE_XFAIL, d, false};
    return (mg_grading){allowed ? MG_GRADE_XPASS : MG_GRADE_FAIL, d, false};
}

bool mg_rejection_alert_unseen(mg_verdict verdict, const mg_side_outcome *client,
                               const mg_side_outcome *server)
{
    const mg_side_outcome *judge, *peer;
    if (verdict.kind == MG_VERDICT_CLIENT_REJECTS)
        judge = client, peer = server;
    else if (verdict.kind == MG_VERDICT_SERVER_REJECTS)
        judge = server, peer = client;
    else
        return false;
    return judge->alert_sent == MG_NO_ALERT || peer->alert_received != judge->alert_sent;
}
