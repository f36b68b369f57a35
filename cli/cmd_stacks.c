/* mtlsgrid stacks: the stacks this binary has, from the registry: name, the version of the
 * library really linked (asked at run time), capabilities and stock tools. Tests and scripts
 * ask this instead of naming stacks. */
#include "command.h"
#include "registry.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    int json;
} stacks_args;

static const cli_option stacks_options[] = {
    {"json", OPT_FLAG, offsetof(stacks_args, json), NULL,
     "one JSON array: name, display, version, capabilities, tools"},
};

static json_t *capabilities_json(const mg_stack *s)
{
    json_t *list = json_array();
    for (size_t i = 0; list && i < MG_CAP_COUNT; i++)
        if (s->caps & mg_cap_at(i))
            json_array_append_new(list, json_string(mg_cap_name(mg_cap_at(i))));
    return list;
}

static json_t *tools_json(const mg_stack *s)
{
    const mg_stack_tools *t = s->tools;
    return json_pack("{s:s?, s:s?}", "server", t ? t->server_tool : NULL, "client",
                     t ? t->client_tool : NULL);
}

static MG_RESULT print_json(void)
{
    json_t *list = json_array();
    for (const mg_stack *const *s = mg_stacks; list && *s; s++) {
        json_t *one = json_pack("{s:s, s:s, s:s, s:o, s:o}", "name", (*s)->name, "display",
                                (*s)->display, "version", (*s)->version(), "capabilities",
                                capabilities_json(*s), "tools", tools_json(*s));
        if (!one || json_array_append_new(list, one) != 0) {
            json_decref(list);
            list = NULL;
        }
    }
    char *text = list ? json_dumps(list, JSON_INDENT(1)) : NULL;
    json_decref(list);
    MG_ENSURE(text, MG_E_INTERNAL, "cannot encode the stack list");
    printf("%s\n", text);
    free(text);
    return MG_OK;
}

static void print_text(void)
{
    for (const mg_stack *const *s = mg_stacks; *s; s++) {
        printf("%-10s %s %s\n  capabilities:", (*s)->name, (*s)->display, (*s)->version());
        for (size_t i = 0; i < MG_CAP_COUNT; i++)
            if ((*s)->caps & mg_cap_at(i)) printf(" %s", mg_cap_name(mg_cap_at(i)));
        const mg_stack_tools *t = (*s)->tools;
        printf("\n  tools: %s%s%s\n", t && t->server_tool ? t->server_tool : "",
               t && t->server_tool && t->client_tool ? ", " : "",
               t && t->client_tool ? t->client_tool : (t && t->server_tool ? "" : "none"));
    }
}

static int run_stacks(void *raw, const cli_rest *rest)
{
    (void)rest;
    const stacks_args *a = raw;
    if (!a->json) {
        print_text();
        return 0;
    }
    mg_result r = print_json();
    if (!mg_ok(r)) fprintf(stderr, "mtlsgrid: stacks: %s\n", mg_error_message());
    return mg_exit_code(r);
}

const cli_command mg_cmd_stacks = {
    "stacks", "[--json]",
    "List the TLS stacks this binary has: name, the library version linked, what each can "
    "express (a case that needs more is a skip) and its stock tools.",
    CLI_OPTIONS(stacks_options), sizeof(stacks_args), NULL, 0, 0, run_stacks,
};
