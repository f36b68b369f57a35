/* Flight seeds: a real client of each stack, holding one of the matrix's client credentials,
 * plays against the deterministic flight server; its flight is saved and replayed through
 * the target's own code to see whether it completes the handshake. */
#include "file_io.h"
#include "flight.h"
#include "seeds.h"

#include <stdio.h>
#include <string.h>

typedef MG_RESULT (*recorder)(const char *chain_file, const char *key_file, mg_bytes *flight);
typedef bool (*server)(const uint8_t *flight, size_t len, mg_bytes *server_out);

static MG_RESULT record(const mg_artifact *a, const char *corpus, const char *stack, recorder rec,
                        server serve, unsigned *count, unsigned *accepted, bool *completed)
{
    mg_bytes flight = {0};
    *completed = false;
    mg_result recorded = rec(a->chain_pem, a->key_pem, &flight);
    if (!mg_ok(recorded) && recorded.kind == MG_E_INPUT) { /* a credential this stack refuses */
        printf("seeds: no %s flight for %s: %s\n", stack, a->name, mg_error_message());
        return MG_OK;
    }
    MG_GUARD(recorded);
    char path[4096];
    snprintf(path, sizeof path, "%s/flight_%s/%s.bin", corpus, stack, a->name);
    mg_result r = mg_fuzz_write_file(path, flight.data, flight.len);
    *completed = serve(flight.data, flight.len, NULL);
    mg_bytes_free(&flight);
    MG_GUARD(r);
    (*count)++;
    if (*completed) (*accepted)++;
    return MG_OK;
}

MG_RESULT mg_seed_flights(const mg_artifact *a, const char *corpus, mg_seed_counts *counts)
{
    bool openssl_ok, gnutls_ok;
    MG_GUARD(record(a, corpus, "openssl", mg_flight_openssl_record, mg_flight_openssl_serve,
                    &counts->flight_openssl, &counts->accepted_openssl, &openssl_ok));
    MG_GUARD(record(a, corpus, "gnutls", mg_flight_gnutls_record, mg_flight_gnutls_serve,
                    &counts->flight_gnutls, &counts->accepted_gnutls, &gnutls_ok));
    if (strcmp(a->name, "client") == 0) counts->good_client_replays = openssl_ok && gnutls_ok;
    return MG_OK;
}
