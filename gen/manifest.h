/* The generator's manifest (DIR/manifest.json): every artifact by name, so scenarios and tests
 * refer to artifacts by name and never guess paths. mg_manifest_load gives absolute paths. */
#ifndef MG_MANIFEST_H
#define MG_MANIFEST_H

#include "mg_result.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *name;      /* e.g. "client-eku-serverauth" */
    char *kind;      /* "cert", "crl", "ocsp", "p12" */
    char *role;      /* "root", "intermediate", "server", "client", "responder", ... */
    char *profile;   /* the profile it was made from */
    char *issuer;    /* name of the issuing artifact (itself for a self-signed root) */
    char **defects;  /* the one defect it carries, by name ("eku-serverauth-only", ...) */
    size_t defect_count;
    /* Files, absolute paths; NULL where the artifact has none. */
    char *cert_pem;  /* the certificate alone */
    char *cert_der;
    char *key_pem;   /* its private key (PKCS#8 PEM, mode 0600) */
    char *chain_pem; /* the certificate then its issuers up to, not including, the root */
    char *crl_pem;   /* kind "crl" */
    char *ocsp_der;  /* kind "ocsp" */
    char *p12;       /* kind "p12" (or a cert's bundle) */
    char *p12_password;
    /* Added by the generator beyond the first draft (NULL / 0 where not applicable). */
    char *key_type;       /* "p256", "p384", "ed25519", "rsa1024", "rsa2048", "rsa3072" */
    char *host;           /* server leaves: the name a client verifies against it */
    char *root;           /* the self-signed root at the top of its chain: what to trust */
    char *about;          /* crl/ocsp/p12: the certificate it is about (or the CRL's CA) */
    int64_t not_before;   /* certificates: validity, seconds since the epoch */
    int64_t not_after;
} mg_artifact;

typedef struct {
    char *dir;
    char *time_mode;        /* "pinned" or "now" */
    int64_t reference_time; /* the instant the harness verifies at (seconds since the epoch) */
    char *seed;
    mg_artifact *artifacts;
    size_t count;
} mg_manifest;

MG_RESULT mg_manifest_load(const char *dir, mg_manifest *out);
const mg_artifact *mg_manifest_find(const mg_manifest *manifest, const char *name);
void mg_manifest_free(mg_manifest *manifest);

#endif
