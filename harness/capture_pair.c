#include "capture_pair.h"

#include "pcap_writer.h"

#include <stdio.h>
#include <sys/time.h>

static int64_t wall_clock_usec(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (int64_t)tv.tv_sec * 1000000 + tv.tv_usec;
}

/* As mg_run_pair: a side whose context cannot be made is that side's setup failure. */
static mg_context *make_context(const mg_stack *stack, const mg_side_config *config,
                                mg_side_outcome *why)
{
    mg_context *ctx = NULL;
    mg_result r = stack->context_new(config, NULL, &ctx, why);
    if (mg_ok(r) && ctx) return ctx;
    if (!mg_ok(r)) snprintf(why->native_text, sizeof why->native_text, "%s", mg_error_message());
    why->state = MG_SIDE_SETUP_FAILED;
    if (why->reason == MG_REASON_NONE) why->reason = MG_REASON_OTHER;
    return NULL;
}

mg_result mg_capture_pair(const mg_stack *client_stack, const mg_side_config *client_config,
                          const mg_stack *server_stack, const mg_side_config *server_config,
                          const char *pcap_path, mg_pair_result *out)
{
    mg_pair_result_init(out);
    mg_pcap_writer writer;
    MG_GUARD(mg_pcap_open(&writer, pcap_path, wall_clock_usec()));
    mg_context *server_ctx = make_context(server_stack, server_config, &out->server);
    mg_context *client_ctx = make_context(client_stack, client_config, &out->client);
    if (server_ctx && client_ctx) {
        mg_pipe_tap tap = mg_pcap_tap(&writer);
        mg_drive_options options = mg_drive_options_for(server_config);
        mg_drive_in_memory_with(client_stack, client_ctx, server_stack, server_ctx, &options,
                                &tap, out);
    } else {
        out->verdict = mg_verdict_from_sides(&out->client, &out->server, false);
        mg_describe_sides(&out->client, &out->server, out->reason_text, sizeof out->reason_text);
    }
    if (client_ctx) client_stack->context_free(client_ctx);
    if (server_ctx) server_stack->context_free(server_ctx);
    return mg_pcap_close(&writer);
}
