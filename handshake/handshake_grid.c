#include "handshake_grid.h"

#include "registry.h"
#include "verdict_words.h"
#include "plan.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The planner's capability check: a pairing that needs what a stack lacks is a skip. */
static MG_RESULT skip_reason(const mg_stack *c, const mg_stack *s, const mg_handshake_inputs *in,
                             mg_handshake_row *row)
{
    mg_case one = {.client_stack = c, .server_stack = s, .client = &in->client,
                   .server = &in->server};
    char *why = NULL;
    MG_GUARD(mg_case_skip_reason(&one, 0, 0, &why));
    snprintf(row->skip, sizeof row->skip, "%s", why ? why : "");
    free(why);
    return MG_OK;
}

mg_result mg_handshake_run_grid(mg_handshake_inputs *in, mg_handshake_grid *grid)
{
    memset(grid, 0, sizeof *grid);
    static const mg_tls_version versions[] = {MG_TLS12, MG_TLS13};
    for (size_t t = 0; t < 2; t++)
        for (const mg_stack *const *c = mg_stacks; *c; c++)
            for (const mg_stack *const *s = mg_stacks; *s; s++) {
                mg_handshake_row *row = &grid->rows[grid->count++];
                row->client = *c, row->server = *s, row->tls = versions[t];
                in->client.tls = in->server.tls = versions[t];
                mg_pair_result_init(&row->result);
                MG_GUARD(skip_reason(*c, *s, in, row));
                if (row->skip[0]) {
                    grid->skipped++;
                    continue;
                }
                mg_run_pair(*c, &in->client, *s, &in->server, &row->result);
                grid->ok += row->result.verdict.kind == MG_VERDICT_OK;
            }
    return MG_OK;
}

static void describe_time(const mg_handshake_inputs *in, char *buf, size_t len)
{
    time_t at = (time_t)in->verify_time;
    struct tm tm;
    if (!in->pin_time || !gmtime_r(&at, &tm)) {
        snprintf(buf, len, "the wall clock");
        return;
    }
    strftime(buf, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void mg_handshake_print_grid(FILE *out, const mg_handshake_inputs *in,
                             const mg_handshake_grid *grid, bool verbose)
{
    char when[64], verdict[64], words[512];
    describe_time(in, when, sizeof when);
    fprintf(out, "host %s%s; verified at %s; policy strict\n\n", in->host,
            in->host_from_cert ? " (the server certificate's own name: --host checks another)"
                               : "",
            when);
    int width = (int)strlen("verdict");
    for (size_t i = 0; i < grid->count; i++) {
        if (grid->rows[i].skip[0]) continue;
        mg_verdict_format(grid->rows[i].result.verdict, verdict, sizeof verdict);
        if ((int)strlen(verdict) > width) width = (int)strlen(verdict);
    }
    fprintf(out, "%-8s %-8s %-4s %-*s  %s\n", "client", "server", "TLS", width, "verdict", "why");
    for (size_t i = 0; i < grid->count; i++) {
        const mg_handshake_row *row = &grid->rows[i];
        if (row->skip[0]) {
            fprintf(out, "%-8s %-8s %-4s %-*s  %s\n", row->client->name, row->server->name,
                    mg_tls_name(row->tls), width, "skip", row->skip);
            continue;
        }
        mg_verdict_format(row->result.verdict, verdict, sizeof verdict);
        mg_verdict_words(row->result.verdict, words, sizeof words);
        fprintf(out, "%-8s %-8s %-4s %-*s  %s\n", row->client->name, row->server->name,
                mg_tls_name(row->tls), width, verdict, words);
        if (verbose && row->result.verdict.kind != MG_VERDICT_OK)
            fprintf(out, "%*s%s\n", 24, "", row->result.reason_text);
    }
    fprintf(out, "\n%zu of %zu pairings ok", grid->ok, grid->count - grid->skipped);
    if (grid->skipped)
        fprintf(out, "; %zu skipped (a stack cannot express them)", grid->skipped);
    fputc('\n', out);
}
