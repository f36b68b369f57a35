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

mg_result mg_handshake_parse_policies(const char *word, mg_handshake_grid *grid)
{
    grid->policy_count = 0;
    if (!word || strcmp(word, "both") == 0) {
        grid->policies[grid->policy_count++] = MG_POLICY_STRICT;
        grid->policies[grid->policy_count++] = MG_POLICY_MINIMAL;
        return MG_OK;
    }
    MG_ENSURE(strchr(word, ',') == NULL, MG_E_USAGE,
              "--policy: \"%s\": give strict, minimal or both", word);
    MG_GUARD(mg_policy_parse("--policy", word, &grid->policies[0]));
    grid->policy_count = 1;
    return MG_OK;
}

static void run_row(mg_handshake_inputs *in, mg_handshake_grid *grid, mg_handshake_row *row)
{
    for (size_t p = 0; p < grid->policy_count; p++) {
        in->client.policy = in->server.policy = grid->policies[p];
        mg_pair_result_init(&row->result[p]);
        mg_run_pair(row->client, &in->client, row->server, &in->server, &row->result[p]);
        grid->ok += row->result[p].verdict.kind == MG_VERDICT_OK;
    }
}

mg_result mg_handshake_run_grid(mg_handshake_inputs *in, mg_handshake_grid *grid)
{
    grid->count = grid->ok = grid->skipped = 0;
    MG_ENSURE(grid->policy_count > 0, MG_E_INTERNAL, "no policy to run");
    static const mg_tls_version versions[] = {MG_TLS12, MG_TLS13};
    for (size_t t = 0; t < 2; t++)
        for (const mg_stack *const *c = mg_stacks; *c; c++)
            for (const mg_stack *const *s = mg_stacks; *s; s++) {
                mg_handshake_row *row = &grid->rows[grid->count++];
                row->client = *c, row->server = *s, row->tls = versions[t];
                in->client.tls = in->server.tls = versions[t];
                in->client.policy = in->server.policy = grid->policies[0];
                MG_GUARD(skip_reason(*c, *s, in, row));
                if (row->skip[0]) {
                    grid->skipped++;
                    continue;
                }
                run_row(in, grid, row);
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

/* The words of a row: the first policy's that is not ok (each policy named when they
 * differ), else the first's. */
static void row_words(const mg_handshake_inputs *in, const mg_handshake_grid *grid,
                      const mg_handshake_row *row, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    bool differ = false;
    for (size_t p = 1; p < grid->policy_count; p++)
        differ = differ || !mg_verdict_equal(row->result[p].verdict, row->result[0].verdict);
    for (size_t p = 0; p < grid->policy_count && used + 1 < len; p++) {
        if (p > 0 && !differ) break;
        char words[1024];
        mg_handshake_words(in, row, &row->result[p], words, sizeof words);
        int n = differ ? snprintf(buf + used, len - used, "%s%s: %s", p ? "; " : "",
                                  mg_policy_name(grid->policies[p]), words)
                       : snprintf(buf + used, len - used, "%s", words);
        used += n > 0 ? (size_t)n : 0;
    }
}

/* The native lines under a failing row, wrapped at the terminal's usual width. */
static void print_wrapped(FILE *out, const char *label, const char *text)
{
    const int indent = 24, width = 100;
    fprintf(out, "%*s%s", indent, "", label);
    int column = indent + (int)strlen(label);
    for (const char *p = text; *p;) {
        size_t word = strcspn(p, " ");
        if (column + (int)word > width && column > indent) {
            fprintf(out, "\n%*s  ", indent, "");
            column = indent + 2;
        }
        fprintf(out, "%.*s", (int)word, p);
        column += (int)word;
        p += word;
        if (*p == ' ') {
            fputc(' ', out);
            column++;
            p++;
        }
    }
    fputc('\n', out);
}

void mg_handshake_print_grid(FILE *out, const mg_handshake_inputs *in,
                             const mg_handshake_grid *grid, bool verbose)
{
    char when[64], verdict[64], words[2200];
    describe_time(in, when, sizeof when);
    fprintf(out, "host %s%s; verified at %s; policy %s\n", in->host,
            in->host_from_cert ? " (the server certificate's own name: --host checks another)"
                               : "",
            when,
            grid->policy_count > 1 ? "strict and minimal" : mg_policy_name(grid->policies[0]));
    fprintf(out, "own credentials: %s\n\n",
            in->own_policy_waived
                ? "the system's crypto policy WAIVED (--allow-weak-own-credentials): each side "
                  "sends a weak key or signature of its own, for the peer to judge"
                : "under the system's crypto policy, as curl and nginx load them (OpenSSL's "
                  "configured security level); --allow-weak-own-credentials waives it");
    int width = (int)strlen("minimal");
    for (size_t i = 0; i < grid->count; i++)
        for (size_t p = 0; p < grid->policy_count && !grid->rows[i].skip[0]; p++) {
            mg_verdict_format(grid->rows[i].result[p].verdict, verdict, sizeof verdict);
            if ((int)strlen(verdict) > width) width = (int)strlen(verdict);
        }
    fprintf(out, "%-8s %-8s %-4s", "client", "server", "TLS");
    for (size_t p = 0; p < grid->policy_count; p++)
        fprintf(out, " %-*s", width, grid->policy_count > 1 ? mg_policy_name(grid->policies[p])
                                                             : "verdict");
    fprintf(out, "  why\n");
    for (size_t i = 0; i < grid->count; i++) {
        const mg_handshake_row *row = &grid->rows[i];
        fprintf(out, "%-8s %-8s %-4s", row->client->name, row->server->name,
                mg_tls_name(row->tls));
        if (row->skip[0]) {
            for (size_t p = 0; p < grid->policy_count; p++) fprintf(out, " %-*s", width, "skip");
            fprintf(out, "  %s\n", row->skip);
            continue;
        }
        for (size_t p = 0; p < grid->policy_count; p++) {
            mg_verdict_format(row->result[p].verdict, verdict, sizeof verdict);
            fprintf(out, " %-*s", width, verdict);
        }
        row_words(in, grid, row, words, sizeof words);
        fprintf(out, "  %s\n", words);
        for (size_t p = 0; verbose && p < grid->policy_count; p++) {
            if (row->result[p].verdict.kind == MG_VERDICT_OK) continue;
            char label[32] = "";
            if (grid->policy_count > 1)
                snprintf(label, sizeof label, "%s: ", mg_policy_name(grid->policies[p]));
            print_wrapped(out, label, row->result[p].reason_text);
        }
    }
    size_t ran = grid->count - grid->skipped;
    fprintf(out, "\n%zu of %zu pairings ok", grid->ok, ran * grid->policy_count);
    if (grid->policy_count > 1) fprintf(out, " (each pairing under both policies)");
    if (grid->skipped)
        fprintf(out, "; %zu skipped (a stack cannot express them)", grid->skipped);
    fputc('\n', out);
    if (!in->own_policy_waived && mg_handshake_own_refused(grid))
        fprintf(out, "a stack's crypto policy refuses a credential of yours: curl and nginx on "
                     "it would not start; --allow-weak-own-credentials shows what the peers make "
                     "of it\n");
}
