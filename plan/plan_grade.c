/* From the runner's outcomes to graded report rows: the facts of each case come from the plan
 * (scenario, stacks and their linked versions, TLS version, policy), the grading from reports. */
#include "plan.h"

void mg_plan_grade(const mg_plan *plan, const mg_case_outcome *outcomes, mg_report *report)
{
    for (size_t i = 0; i < plan->count; i++) {
        const mg_case_key *k = &plan->keys[i];
        mg_case_facts facts = {.scenario = k->scenario,
                               .client = k->client_stack->name,
                               .server = k->server_stack->name,
                               .client_version = k->client_stack->version(),
                               .server_version = k->server_stack->version(),
                               .tls = mg_tls_name(k->tls),
                               .policy = mg_policy_name(k->policy)};
        mg_report_grade_row(&plan->scenarios, facts, plan->ids[i], &outcomes[i], report, i);
    }
}
