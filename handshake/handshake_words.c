/* A row's verdict in words. A side that cannot load its own credential because its stack's
 * crypto policy refuses it (the system's, kept for the user's files) reads as curl and nginx
 * report it, since that is what the user meets first; everything else is the shared words. */
#include "handshake_grid.h"

#include "verdict_words.h"

#include <stdio.h>

static bool own_refusal(const mg_handshake_inputs *in, const mg_stack *stack,
                        const mg_side_outcome *side, bool client, char *buf, size_t len)
{
    if (side->state != MG_SIDE_SETUP_FAILED || side->reason != MG_REASON_INSECURE_ALGORITHM ||
        !stack->tools || !stack->tools->own_refusal_words)
        return false;
    char words[768];
    const char *file = client ? in->client_file : in->server_file;
    if (!stack->tools->own_refusal_words(side->native_code, client, client && in->client_is_p12,
                                         file, words, sizeof words))
        return false;
    snprintf(buf, len, "the %s cannot load its own certificate (the system's crypto policy): %s",
             client ? "client" : "server", words);
    return true;
}

void mg_handshake_words(const mg_handshake_inputs *in, const mg_handshake_row *row,
                        const mg_pair_result *result, char *buf, size_t len)
{
    mg_verdict v = result->verdict;
    if (v.kind == MG_VERDICT_CLIENT_ERROR &&
        own_refusal(in, row->client, &result->client, true, buf, len))
        return;
    if (v.kind == MG_VERDICT_SERVER_ERROR &&
        own_refusal(in, row->server, &result->server, false, buf, len))
        return;
    mg_verdict_words(v, buf, len);
}

bool mg_handshake_own_refused(const mg_handshake_grid *grid)
{
    for (size_t i = 0; i < grid->count; i++)
        for (size_t p = 0; p < grid->policy_count && !grid->rows[i].skip[0]; p++) {
            const mg_pair_result *r = &grid->rows[i].result[p];
            bool setup = r->verdict.kind == MG_VERDICT_CLIENT_ERROR ||
                         r->verdict.kind == MG_VERDICT_SERVER_ERROR;
            if (setup && r->verdict.reason == MG_REASON_INSECURE_ALGORITHM) return true;
        }
    return false;
}
