/* `handshake --json`: the same grid for machines, written with jansson. */
#include "handshake_grid.h"

#include "verdict_words.h"
#include "plan.h"
#include "row_json.h"
#include "json_text.h"

#include <jansson.h>

/* One object per row and policy. */
static json_t *row_json(const mg_handshake_inputs *in, const mg_handshake_row *row,
                        mg_policy policy, const mg_pair_result *res)
{
    if (row->skip[0])
        return json_pack("{s:s, s:s, s:s, s:s, s:s, s:b, s:s}", "client", row->client->name,
                         "server", row->server->name, "tls", mg_tls_name(row->tls), "policy",
                         mg_policy_name(policy), "verdict", "skip", "ok", 0, "skip_reason",
                         row->skip);
    char verdict[64], words[1024];
    mg_verdict_format(res->verdict, verdict, sizeof verdict);
    mg_handshake_words(in, row, res, words, sizeof words);
    json_t *sides = json_pack("{s:o, s:o}", "client", mg_side_to_json(&res->client), "server",
                              mg_side_to_json(&res->server));
    return json_pack("{s:s, s:s, s:s, s:s, s:s, s:b, s:s, s:o, s:o}", "client",
                     row->client->name, "server", row->server->name, "tls",
                     mg_tls_name(row->tls), "policy", mg_policy_name(policy), "verdict", verdict,
                     "ok", res->verdict.kind == MG_VERDICT_OK, "words", words, "detail",
                     mg_json_text(res->reason_text), "sides", sides);
}

mg_result mg_handshake_print_json(FILE *out, const mg_handshake_inputs *in,
                                  const mg_handshake_grid *grid)
{
    json_t *rows = json_array();
    json_t *doc = json_pack("{s:o, s:b, s:o, s:s, s:b, s:o}", "host", mg_json_text(in->host),
                            "host_from_certificate", in->host_from_cert, "verify_time",
                            in->pin_time ? json_integer(in->verify_time) : json_null(),
                            "own_credentials", in->own_policy_waived ? "waived" : "system-policy",
                            "all_ok", mg_handshake_all_ok(grid), "results", rows);
    MG_ENSURE(doc, MG_E_INTERNAL, "out of memory");
    bool ok = true;
    for (size_t i = 0; ok && i < grid->count; i++)
        for (size_t p = 0; ok && p < grid->policy_count; p++)
            ok = json_array_append_new(rows, row_json(in, &grid->rows[i], grid->policies[p],
                                                      &grid->rows[i].result[p])) == 0;
    ok = ok && json_dumpf(doc, out, JSON_INDENT(2)) == 0;
    fputc('\n', out);
    json_decref(doc);
    MG_ENSURE(ok, MG_E_IO, "cannot write the JSON to standard output");
    return MG_OK;
}
