/* The pieces of the seed maker (make_seeds.c), one per kind of seed. */
#ifndef MG_FUZZ_SEEDS_H
#define MG_FUZZ_SEEDS_H

#include "manifest.h"
#include "mg_result.h"
#include "registry.h"

#include <stdbool.h>

typedef struct {
    unsigned x509, crl, ocsp, pkcs12, credential;
    /* Per stack of mg_fuzz_flight_stacks: flights recorded, and those that complete. */
    unsigned flights[MG_STACK_MAX], flights_complete[MG_STACK_MAX];
    bool good_client_replays; /* the "client" flight completed on every stack */
} mg_seed_counts;

/* Copies a file to CORPUS/SUB/NAME.der. */
MG_RESULT mg_seed_copy(const char *path, const char *corpus, const char *sub, const char *name,
                       unsigned *count);
/* Writes each CRL of a PEM file, as DER, to CORPUS/crl/NAME-N.der. */
MG_RESULT mg_seed_crls(const char *pem_path, const char *corpus, const char *name, unsigned *count);
/* Copies a bundle as made to CORPUS/pkcs12/NAME.p12. */
MG_RESULT mg_seed_p12(const mg_artifact *a, const char *corpus, unsigned *count);
/* Seals the "client" and "server" credentials (with their chains) into bundles with the
 * fixture password, in the modern and the legacy scheme, within the work bound. */
MG_RESULT mg_seed_sealed_p12(const mg_manifest *m, const char *corpus, unsigned *count);
/* The corpus folder of a stack's flight seeds, "flight_STACK" (targets.list's
 * flight_@stack@), into buf; fails when it does not fit. */
MG_RESULT mg_seed_flight_corpus(const mg_stack *stack, char *buf, size_t cap);
/* Records the flight of a client credential for every stack with the flight entry
 * (CORPUS/flight_STACK/NAME.bin). */
MG_RESULT mg_seed_flights(const mg_artifact *a, const char *corpus, mg_seed_counts *counts);

/* Writes the credential targets' seeds for a certificate with a key (CORPUS/credential/). */
MG_RESULT mg_seed_credential(const mg_artifact *a, const char *corpus, unsigned *count);
/* Writes the sealed "client" and "server" bundles as credential seeds (after
 * mg_seed_sealed_p12 has made them). */
MG_RESULT mg_seed_credential_p12(const char *corpus, unsigned *count);

#endif
