/* mg_fuzz_seeds MATRIX_DIR CORPUS_DIR: writes each target's seed corpus from a matrix made by
 * mg_fuzz_fixture: CORPUS_DIR/x509 (every certificate), crl, ocsp, pkcs12 (each bundle as
 * made, and re-sealed with the fixture password within the work bound), credential (every
 * certificate with its key, in the credential targets' form), and flight_STACK for each
 * stack with the flight entry (the recorded client flights: every client leaf with its key).
 * Checks that the flight of the good "client" completes the handshake when replayed: that
 * proves the servers' randomness is pinned and the recordings valid. */
#include "file_io.h"
#include "manifest.h"
#include "path_join.h"
#include "seeds.h"
#include "stack_tables.h"

#include <stdio.h>
#include <string.h>

/* The corpora every build has; flight_STACK come from the flight stacks. */
static const char *const shared_corpora[] = {"x509", "crl", "ocsp", "pkcs12", "credential"};

static MG_RESULT make_corpus_dir(const char *corpus, const char *name)
{
    char dir[4096];
    MG_GUARD(mg_path_join(dir, sizeof dir, corpus, name));
    return mg_fuzz_make_dir(dir);
}

static MG_RESULT make_corpus_dirs(const char *corpus)
{
    MG_GUARD(mg_fuzz_make_dir(corpus));
    for (size_t i = 0; i < sizeof shared_corpora / sizeof *shared_corpora; i++)
        MG_GUARD(make_corpus_dir(corpus, shared_corpora[i]));
    for (size_t i = 0; i < mg_fuzz_flight_stack_count; i++) {
        char name[256];
        MG_GUARD(mg_seed_flight_corpus(mg_fuzz_flight_stacks[i].stack, name, sizeof name));
        MG_GUARD(make_corpus_dir(corpus, name));
    }
    return MG_OK;
}

static void print_counts(const mg_seed_counts *counts)
{
    printf("seeds: %u x509, %u crl, %u ocsp, %u pkcs12, %u credential; flights:", counts->x509,
           counts->crl, counts->ocsp, counts->pkcs12, counts->credential);
    for (size_t i = 0; i < mg_fuzz_flight_stack_count; i++)
        printf("%s %s %u (%u complete the handshake)", i ? "," : "",
               mg_fuzz_flight_stacks[i].stack->name, counts->flights[i],
               counts->flights_complete[i]);
    printf("\n");
}

static MG_RESULT seed_artifact(const mg_artifact *a, const char *corpus, mg_seed_counts *counts)
{
    if (a->cert_der != NULL)
        MG_GUARD(mg_seed_copy(a->cert_der, corpus, "x509", a->name, &counts->x509));
    if (a->crl_pem != NULL) MG_GUARD(mg_seed_crls(a->crl_pem, corpus, a->name, &counts->crl));
    if (a->ocsp_der != NULL)
        MG_GUARD(mg_seed_copy(a->ocsp_der, corpus, "ocsp", a->name, &counts->ocsp));
    if (a->p12 != NULL) MG_GUARD(mg_seed_p12(a, corpus, &counts->pkcs12));
    if (strcmp(a->kind, "cert") == 0 && a->cert_der != NULL && a->key_pem != NULL)
        MG_GUARD(mg_seed_credential(a, corpus, &counts->credential));
    if (strcmp(a->kind, "cert") == 0 && a->role != NULL && strcmp(a->role, "client") == 0 &&
        a->chain_pem != NULL && a->key_pem != NULL)
        MG_GUARD(mg_seed_flights(a, corpus, counts));
    return MG_OK;
}

static MG_RESULT run(const char *matrix_dir, const char *corpus)
{
    MG_GUARD(make_corpus_dirs(corpus));
    mg_manifest m;
    MG_GUARD(mg_manifest_load(matrix_dir, &m));
    mg_seed_counts counts = {0};
    mg_result r = MG_OK;
    for (size_t i = 0; i < m.count && mg_ok(r); i++)
        r = seed_artifact(&m.artifacts[i], corpus, &counts);
    if (mg_ok(r)) r = mg_seed_sealed_p12(&m, corpus, &counts.pkcs12);
    if (mg_ok(r)) r = mg_seed_credential_p12(corpus, &counts.credential);
    mg_manifest_free(&m);
    MG_GUARD(r);
    print_counts(&counts);
    MG_ENSURE(counts.good_client_replays, MG_E_INTERNAL,
              "the good client's recorded flight did not complete the handshake on replay");
    char stamp[4096];
    MG_GUARD(mg_path_join(stamp, sizeof stamp, corpus, ".stamp"));
    return mg_fuzz_write_file(stamp, "", 0);
}

int main(int argc, char **argv)
{
    return mg_fuzz_tool_main(argc, argv, "MATRIX_DIR CORPUS_DIR", run);
}
