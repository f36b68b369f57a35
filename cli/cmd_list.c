/* mtlsgrid list: the case ids, one per line. */
#include "case_options.h"

#include <stdio.h>

typedef struct {
    mg_plan_options plan;
} list_args;

static const cli_option list_options[] = {MG_CASE_OPTION_ROWS(list_args)};

static void list_defaults(void *raw) { mg_plan_options_defaults(&((list_args *)raw)->plan); }

static int run_list(void *raw, const cli_rest *rest)
{
    (void)rest;
    list_args *a = raw;
    mg_plan plan = {0};
    mg_result r = mg_plan_enumerate(&a->plan, &plan);
    if (mg_ok(r))
        for (size_t i = 0; i < plan.count; i++) printf("%s\n", plan.ids[i]);
    else
        fprintf(stderr, "mtlsgrid: list: %s\n", mg_error_message());
    mg_plan_free(&plan);
    return mg_exit_code(r);
}

const cli_command mg_cmd_list = {
    "list", NULL,
    "List the cases (SCENARIO/CLIENT-SERVER/TLS/POLICY), one per line.",
    CLI_OPTIONS(list_options), sizeof(list_args), list_defaults, 0, 0, run_list,
};
