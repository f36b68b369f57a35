/* One case's outcome, graded, as a report row: grading lives here so that every command that
 * grades (run, and later report merges and probes) words rows the same way. */
#include "report.h"

#include <stdio.h>

mg_grading mg_grade_outcome(const mg_scenario_set *set, mg_case_facts facts,
                            const mg_case_outcome *o)
{
    facts.skipped = o->skipped;
    facts.verdict = o->verdict;
    facts.alert_unseen = mg_rejection_alert_unseen(o->verdict, &o->client, &o->server);
    return mg_grade_case(set, &facts);
}

void mg_report_grade_row(const mg_scenario_set *set, mg_case_facts facts, char *id,
                         const mg_case_outcome *o, mg_report *report, size_t index)
{
    mg_grading g = mg_grade_outcome(set, facts, o);
    mg_report_row *row = &report->rows[index];
    *row = (mg_report_row){id, facts.scenario, facts.client, facts.server, facts.tls,
                           facts.policy, "", g.grade, g.divergence, "", o->ms, o->client,
                           o->server, facts.client_version, facts.server_version};
    if (!o->skipped) mg_verdict_format(o->verdict, row->verdict, sizeof row->verdict);
    if (g.divergence)
        snprintf(row->reason_text, sizeof row->reason_text, "%s divergence [%s]: %s (%s). %s",
                 g.divergence->stack, g.divergence->id, g.divergence->reason,
                 g.divergence->reference, o->reason_text);
    else
        snprintf(row->reason_text, sizeof row->reason_text, "%s%s",
                 g.alert_unseen ? "the peer never saw the rejecting side's alert: " : "",
                 o->reason_text);
    report->grade_counts[g.grade]++;
}
