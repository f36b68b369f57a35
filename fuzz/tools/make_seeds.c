/* mg_fuzz_seeds MATRIX_DIR CORPUS_DIR: writes each target's seed corpus from a matrix made by
 * mg_fuzz_fixture: CORPUS_DIR/x509 (every certificate), crl, ocsp, pkcs12 (each bundle as
 * made, and re-sealed with the fixture password within the work bound), and the recorded
 * client flights flight_openssl and flight_gnutls (every client leaf with its key), and
 * credential (every certificate with its key, in the credential targets' form). Checks
 * that the flight of the good "client" completes the handshake when replayed: that proves
 * the servers' randomness is pinned and the recordings valid. */
#include "file_io.h"
#include "flight.h"
#include "manifest.h"
#include "seeds.h"

#include <stdio.h>
#include <string.h>

static const char *const corpora[] = {"x509", "crl", "ocsp", "pkcs12", "flight_openssl",
                                      "flight_gnutls", "credential"};

static MG_RESULT seed_artifact(const mg_artifact *a, const char *corpus, mg_seed_counts *counts)
{
    if (a->cert_der != NULL) MG_GUARD(mg_seed_copy(a->cert_der, corpus, "x509", a->name, &counts->x509));
    if (a->crl_pem != NULL) MG_GUARD(mg_seed_crls(a->crl_pem, corpus, a->name, &counts->crl));
    if (a->ocsp_der != NULL) MG_GUARD(mg_seed_copy(a->ocsp_der, corpus, "ocsp", a->name, &counts->ocsp));
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
    MG_GUARD(mg_fuzz_make_dir(corpus));
    for (size_t i = 0; i < sizeof corpora / sizeof *corpora; i++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", corpus, corpora[i]);
        MG_GUARD(mg_fuzz_make_dir(dir));
    }
    mg_manifest m;
    MG_GUARD(mg_manifest_load(matrix_dir, &m));
    mg_seed_counts counts = {0};
    mg_result r = MG_OK;
    for (size_t i = 0; i < m.count && mg_ok(r); i++) r = seed_artifact(&m.artifacts[i], corpus, &counts);
    if (mg_ok(r)) r = mg_seed_sealed_p12(&m, corpus, &counts.pkcs12);
    if (mg_ok(r)) r = mg_seed_credential_p12(corpus, &counts.credential);
    mg_manifest_free(&m);
    MG_GUARD(r);
    printf("seeds: %u x509, %u crl, %u ocsp, %u pkcs12, %u credential, %u+%u flights (%u+%u "
           "complete the handshake)\n",
           counts.x509, counts.crl, counts.ocsp, counts.pkcs12, counts.credential,
           counts.flight_openssl, counts.flight_gnutls, counts.accepted_openssl,
           counts.accepted_gnutls);
    MG_ENSURE(counts.good_client_replays, MG_E_INTERNAL,
              "the good client's recorded flight did not complete the handshake on replay");
    char stamp[4096];
    snprintf(stamp, sizeof stamp, "%s/.stamp", corpus);
    return mg_fuzz_write_file(stamp, "", 0);
}

int main(int argc, char **argv)
{
    return mg_fuzz_tool_main(argc, argv, "MATRIX_DIR CORPUS_DIR", run);
}
