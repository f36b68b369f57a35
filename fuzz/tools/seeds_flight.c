/* Flight seeds: a real client of each stack with the flight entry, holding one of the
 * matrix's client credentials, plays against the deterministic flight server; its flight is
 * saved and replayed through the target's own code to see whether it completes the
 * handshake. */
#include "file_io.h"
#include "path_join.h"
#include "seeds.h"
#include "stack_tables.h"

#include <stdio.h>
#include <string.h>

MG_RESULT mg_seed_flight_corpus(const mg_stack *stack, char *buf, size_t cap)
{
    int n = snprintf(buf, cap, "flight_%s", stack->name);
    MG_ENSURE(n > 0 && (size_t)n < cap, MG_E_INTERNAL, "the flight corpus name of %s is too long",
              stack->name);
    return MG_OK;
}

static MG_RESULT record(const mg_artifact *a, const char *corpus, const mg_fuzz_flight_stack *s,
                        unsigned *count, unsigned *accepted, bool *completed)
{
    mg_bytes flight = {0};
    *completed = false;
    mg_result recorded = s->record(a->chain_pem, a->key_pem, &flight);
    if (!mg_ok(recorded) && recorded.kind == MG_E_INPUT) { /* a credential this stack refuses */
        printf("seeds: no %s flight for %s: %s\n", s->stack->name, a->name, mg_error_message());
        return MG_OK;
    }
    MG_GUARD(recorded);
    char folder[256], path[4096];
    MG_GUARD(mg_seed_flight_corpus(s->stack, folder, sizeof folder));
    mg_result r = mg_path_format(path, sizeof path, "%s/%s/%s.bin", corpus, folder, a->name);
    if (mg_ok(r)) r = mg_fuzz_write_file(path, flight.data, flight.len);
    *completed = s->serve(flight.data, flight.len, NULL);
    mg_bytes_free(&flight);
    MG_GUARD(r);
    (*count)++;
    if (*completed) (*accepted)++;
    return MG_OK;
}

MG_RESULT mg_seed_flights(const mg_artifact *a, const char *corpus, mg_seed_counts *counts)
{
    MG_ENSURE(mg_fuzz_flight_stack_count <= MG_STACK_MAX, MG_E_INTERNAL,
              "more flight stacks than the seed counts hold");
    bool all_complete = true;
    for (size_t i = 0; i < mg_fuzz_flight_stack_count; i++) {
        bool completed;
        MG_GUARD(record(a, corpus, &mg_fuzz_flight_stacks[i], &counts->flights[i],
                        &counts->flights_complete[i], &completed));
        all_complete = all_complete && completed;
    }
    if (strcmp(a->name, "client") == 0) counts->good_client_replays = all_complete;
    return MG_OK;
}
