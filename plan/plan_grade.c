/* From the runner's outcomes to graded report rows: the facts of each case come from the plan
 * (scenario, stacks and their linked versions, TLS version, policy), the grading from reports. */
#include "plan.h"

mg_case_facts mg_plan_case_facts(const mg_plan *plan, size_t index)
{
    const mg_case_key *k = &plan->keys[index];
    return (mg_case_facts){.scenario = k->scenario,
                           .client = k->client_stack->name,
                           .server = k->server_stack->name,
                           .client_version = k->client_stack->version(),
                           .server_version = k->server_stack->version(),
                           .tls = mg_tls_name(k->tls),
                           .policy = mg_policy_name(k->policy)};
}

void mg_plan_grade_case(const mg_plan *plan, size_t index, const mg_case_outcome *outcome,
                        mg_report *report)
{
    mg_report_grade_row(&plan->scenarios, mg_plan_case_facts(plan, index), plan->ids[index],
                        outcome, report, index);
}
