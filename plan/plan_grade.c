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

mg_grade mg_plan_grade_one(const mg_plan *plan, size_t index, const mg_case_outcome *o)
{
    return mg_grade_outcome(&plan->scenarios, mg_plan_case_facts(plan, index), o).grade;
}

void mg_plan_grade(const mg_plan *plan, const mg_case_outcome *outcomes, mg_report *report)
{
    for (size_t i = 0; i < plan->count; i++)
        mg_report_grade_row(&plan->scenarios, mg_plan_case_facts(plan, i), plan->ids[i],
                            &outcomes[i], report, i);
}
