/* The generator's working state, shared by the files of gen/ (not part of the public API). */
#ifndef MG_GEN_INTERNAL_H
#define MG_GEN_INTERNAL_H

#include "detrand.h"
#include "keys.h"
#include "spec.h"

#include <jansson.h>
#include <openssl/types.h>
#include <stdint.h>

/* A certificate already issued in this run, by name. */
typedef struct {
    char *name;
    X509 *cert;
    EVP_PKEY *key;  /* the key the certificate holds (owned by the key cache) */
    int issuer;     /* index into mg_gen.issued; -1 when self-signed */
    int is_ca;
} mg_issued;

typedef struct {
    mg_detrand_ctx detrand;
    OSSL_LIB_CTX *libctx;  /* detrand.libctx: its DRBGs are the detrand stream */
    const char *seed;
    int64_t reference_time;
    const char *dir;       /* the temporary folder being filled */
    mg_key_cache keys;
    mg_issued *issued;
    size_t issued_count, issued_cap;
    json_t *artifacts;     /* the manifest's "artifacts" list */
    unsigned files;        /* files written so far */
    struct mg_file_writer *writer; /* NULL: files are written at once (file_writer.h) */
    int verbose;
} mg_gen;

/* -1 when no certificate of that name was issued yet. */
int mg_issued_find(const mg_gen *g, const char *name);
/* Takes ownership of cert. */
MG_RESULT mg_issued_add(mg_gen *g, const char *name, X509 *cert, EVP_PKEY *key, int issuer,
                        int is_ca);
void mg_issued_free(mg_gen *g);
/* The root at the top of `index`'s chain (itself when self-signed). */
int mg_issued_root(const mg_gen *g, int index);

/* Signs with the issuer key; the ECDSA nonce comes from the stream at ("sig", label). */
MG_RESULT mg_sign_cert(mg_gen *g, X509 *cert, EVP_PKEY *key, const char *md, const char *label);
MG_RESULT mg_sign_crl(mg_gen *g, X509_CRL *crl, EVP_PKEY *key, const char *label);
/* A digest-sign context over `key`, ready for OCSP_basic_sign_ctx / ASN1_item_sign_ctx. */
MG_RESULT mg_sign_ctx(mg_gen *g, EVP_PKEY *key, const char *md, const char *label,
                      EVP_MD_CTX **out);

/* Flips the last byte of a signature: still well-formed, no longer valid. */
MG_RESULT mg_corrupt_bits(ASN1_BIT_STRING *sig, const char *name);

/* A serial number derived from seed and name: positive, 16 bytes, never zero. */
MG_RESULT mg_serial_for(const mg_gen *g, const char *name, ASN1_INTEGER **out);

/* Builds, signs, writes and records one certificate artifact. */
MG_RESULT mg_cert_issue(mg_gen *g, const mg_cert_spec *spec);
/* The label of the other key a key-mismatch certificate's key file holds (MG_F_KEY_MISMATCH). */
void mg_mismatch_key_label(const mg_cert_spec *spec, char *out, size_t cap);
/* Writes cert.pem, cert.der, key.pem (holding key_file_key) and chain.pem of issued[index]
 * and adds its manifest entry. */
MG_RESULT mg_cert_write(mg_gen *g, const mg_cert_spec *spec, int index, EVP_PKEY *key_file_key);
/* The SubjectPublicKeyInfo of `key` as the spec encodes it (spki.c). */
MG_RESULT mg_cert_set_spki(X509 *cert, const mg_cert_spec *spec, EVP_PKEY *key);
MG_RESULT mg_cert_add_extensions(mg_gen *g, X509 *cert, X509 *issuer, const mg_cert_spec *spec);

/* Files inside the temporary folder: "<dir>/<name>/<file>" (name NULL: "<dir>/<file>"). */
MG_RESULT mg_write_file(mg_gen *g, const char *name, const char *file, const void *data,
                        size_t len, int mode);
MG_RESULT mg_write_bio(mg_gen *g, const char *name, const char *file, BIO *bio, int mode);

/* Adds a manifest entry; `files` maps keys such as "cert_pem" to paths inside the folder. */
MG_RESULT mg_manifest_add(mg_gen *g, json_t *entry);
json_t *mg_manifest_entry(const char *name, const char *kind, const char *role,
                          const char *profile, const char *issuer, const char *defect);

/* A CRL of CA issued[issuer] listing `revoked` serials, its validity relative to the reference
 * time, signed (label names it in messages and picks its signature's stream). */
MG_RESULT mg_crl_build(mg_gen *g, int issuer, const ASN1_INTEGER *const *revoked, size_t count,
                       int64_t this_update, int64_t next_update, const char *label,
                       X509_CRL **out);

/* The rows of `mtlsgrid probe` (profiles_probe.c): not part of the matrix. */
extern const mg_profile_table mg_profiles_probe, mg_profiles_probe_intermediate;

/* Families issued after the certificates. */
MG_RESULT mg_issue_crls(mg_gen *g);
MG_RESULT mg_issue_ocsp(mg_gen *g);
MG_RESULT mg_issue_p12(mg_gen *g);
/* Trust bundles of many CAs in one file (ca_names_bundle.c). */
MG_RESULT mg_issue_trust_bundles(mg_gen *g);

#endif
