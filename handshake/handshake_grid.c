#include "handshake_grid.h"

#include "registry.h"
#include "verdict_words.h"
#include "plan.h"

#include <string.h>
#include <time.h>

void mg_handshake_run_grid(mg_handshake_inputs *in, mg_handshake_grid *grid)
{
    memset(grid, 0, sizeof *grid);
    static const mg_tls_version versions[] = {MG_TLS12, MG_TLS13};
    for (size_t t = 0; t < 2; t++)
        for (const mg_stack *const *c = mg_stacks; *c; c++)
            for (const mg_stack *const *s = mg_stacks; *s; s++) {
                if (grid->count == MG_HANDSHAKE_MAX_ROWS) return;
                mg_handshake_row *row = &grid->rows[grid->count++];
                row->client = *c, row->server = *s, row->tls = versions[t];
                in->client.tls = in->server.tls = versions[t];
                mg_run_pair(*c, &in->client, *s, &in->server, &row->result);
                grid->ok += row->result.verdict.kind == MG_VERDICT_OK;
            }
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
        mg_verdict_format(grid->rows[i].result.verdict, verdict, sizeof verdict);
        if ((int)strlen(verdict) > width) width = (int)strlen(verdict);
    }
    fprintf(out, "%-8s %-8s %-4s %-*s  %s\n", "client", "server", "TLS", width, "verdict", "why");
    for (size_t i = 0; i < grid->count; i++) {
        const mg_handshake_row *row = &grid->rows[i];
        mg_verdict_format(row->result.verdict, verdict, sizeof verdict);
        mg_verdict_words(row->result.verdict, words, sizeof words);
        fprintf(out, "%-8s %-8s %-4s %-*s  %s\n", row->client->name, row->server->name,
                mg_tls_name(row->tls), width, verdict, words);
        if (verbose && row->result.verdict.kind != MG_VERDICT_OK)
            fprintf(out, "%*s%s\n", 24, "", row->result.reason_text);
    }
    fprintf(out, "\n%zu of %zu pairings ok\n", grid->ok, grid->count);
}
