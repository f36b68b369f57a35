/* The process-per-case way, as shell-driven suites run a case: start a stack's stock server
 * tool, wait until it listens on loopback, start its client tool, send the request and read
 * the answer, and reap both. The command lines are the stack's (stack_tools.h mg_tool_bench);
 * same files and TLS version as the harness, verification at the matrix's pinned instant. */
#include "bench_measure.h"
#include "bench_spawn.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static MG_RESULT one_case(const mg_bench_tools *tools, const mg_tool_command *server_command,
                          const mg_side_config *client, const char *work_dir,
                          mg_tool_command *client_command)
{
    const mg_tool_bench *how = tools->stack->tools->bench;
    mg_child server, child;
    MG_GUARD(mg_child_start(server_command->argv, false, false, &server));
    char text[4096];
    int port = 0;
    bool listening = mg_child_read_until(&server, how->listening, 10, text, sizeof text) &&
                     how->port_of(text, &port);
    if (!listening) {
        mg_child_finish(&server, 0, NULL, 0);
        return mg_fail(MG_E_INTERNAL, "bench: %s did not start listening", tools->server_tool);
    }
    /* Built again for the new port; the few file writes cost microseconds against the
     * milliseconds of starting two processes. */
    memset(client_command, 0, sizeof *client_command);
    mg_result r = how->client_command(client, work_dir, port, client_command);
    if (mg_ok(r)) r = mg_child_start(client_command->argv, true, false, &child);
    if (mg_ok(r)) {
        size_t len = strlen(how->request);
        bool sent = write(child.in, how->request, len) == (ssize_t)len;
        int client_status = mg_child_finish(&child, 10, text, sizeof text);
        if (!sent || client_status != 0 || !strstr(text, how->answer))
            r = mg_fail(MG_E_INTERNAL, "bench: %s exited %d without the answer",
                        tools->client_tool, client_status);
    }
    /* After a failed client the server would wait for a connection forever: end it now. */
    int server_status = mg_child_finish(&server, mg_ok(r) ? 10 : 0, NULL, 0);
    if (mg_ok(r) && server_status != 0)
        r = mg_fail(MG_E_INTERNAL, "bench: %s exited %d", tools->server_tool, server_status);
    return r;
}

mg_result mg_bench_process_run(const mg_bench_tools *tools, const mg_side_config *client,
                               const mg_side_config *server, unsigned count,
                               const char *work_dir, double *per_s)
{
    *per_s = 0;
    const mg_tool_bench *how = tools->stack->tools->bench;
    mg_tool_command *s = calloc(1, sizeof *s), *c = calloc(1, sizeof *c);
    mg_result r = s && c ? MG_OK : mg_fail(MG_E_INTERNAL, "out of memory");
    if (mg_ok(r)) r = how->server_command(server, work_dir, s);
    double start = mg_bench_now();
    for (unsigned i = 0; mg_ok(r) && i < count; i++) r = one_case(tools, s, client, work_dir, c);
    double seconds = mg_bench_now() - start;
    if (mg_ok(r) && seconds > 0) *per_s = count / seconds;
    free(s);
    free(c);
    return r;
}

mg_result mg_bench_tools_pick(const char *name, mg_bench_tools *out)
{
    *out = (mg_bench_tools){0};
    const mg_stack *stack = NULL;
    if (name) {
        stack = mg_stack_find(name);
        MG_ENSURE(stack, MG_E_USAGE, "bench: --process-tools: unknown stack \"%s\" (this build "
                  "has: %s)", name, mg_stack_names_text());
        MG_ENSURE(stack->tools && stack->tools->bench, MG_E_USAGE,
                  "bench: --process-tools: %s's tools cannot be timed per case", name);
    } else {
        for (const mg_stack *const *s = mg_stacks; *s && !stack; s++)
            if ((*s)->tools && (*s)->tools->bench) stack = *s;
        if (!stack) return MG_OK; /* no stack's tools: nothing to compare with */
    }
    out->stack = stack;
    out->server_tool = stack->tools->server_tool;
    out->client_tool = stack->tools->client_tool;
    return MG_OK;
}
