/* One case in this process: contexts from the cache, one in-memory connection, the verdict. */
#include "context_cache.h"

#include "drive.h"
#include "fault.h"
#include "seconds.h"

#include <stdio.h>
#include <string.h>

static double now_ms(void) { return mg_monotonic_seconds() * 1e3; }

void mg_run_case(const mg_case *c, mg_context_cache *cache, mg_case_outcome *out)
{
    mg_case_outcome_init(out);
    if (c->skip_reason) {
        out->skipped = true;
        snprintf(out->reason_text, sizeof out->reason_text, "%s", c->skip_reason);
        return;
    }
    mg_fault_inject(c->id);
    double start = now_ms();
    mg_pair_result pair;
    mg_pair_result_init(&pair);
    mg_context *server = mg_context_cache_get(cache, c->server_stack, c->server, &pair.server);
    mg_context *client = mg_context_cache_get(cache, c->client_stack, c->client, &pair.client);
    mg_context *resume_server = NULL;
    if (server && client && c->resume_server)
        resume_server =
            mg_context_cache_get(cache, c->server_stack, c->resume_server, &pair.server);
    if (server && client && c->resume_server) {
        mg_drive_options options = mg_drive_options_for(c->server);
        if (resume_server)
            mg_drive_resumption(c->client_stack, client, c->server_stack, server, resume_server,
                                &options, &pair);
        else {
            pair.verdict = mg_verdict_from_sides(&pair.client, &pair.server, false);
            mg_describe_sides(&pair.client, &pair.server, pair.reason_text,
                              sizeof pair.reason_text);
        }
    } else if (server && client) {
        mg_drive_options options = mg_drive_options_for(c->server);
        mg_drive_in_memory_with(c->client_stack, client, c->server_stack, server, &options, NULL,
                                &pair);
    } else {
        pair.verdict = mg_verdict_from_sides(&pair.client, &pair.server, false);
        mg_describe_sides(&pair.client, &pair.server, pair.reason_text, sizeof pair.reason_text);
    }
    out->ms = now_ms() - start;
    out->verdict = pair.verdict;
    out->client = pair.client;
    out->server = pair.server;
    snprintf(out->reason_text, sizeof out->reason_text, "%s", pair.reason_text);
}
