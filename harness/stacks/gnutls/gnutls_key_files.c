/* A credential's files (or their bytes, handed over in memory: imported from a datum, never
 * written out) parsed into GnuTLS's certificate and private-key structures, once per
 * process when a parsed cache is given. Credentials take ownership of what they are given and
 * GnuTLS counts no references, so each context's credentials get copies made from these
 * (gnutls_keypair.c): a copy of parsed values, not a second parse of the file. */
#include "gnutls_internal.h"

#include "secret.h"

#include <gnutls/pkcs12.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

void mg_gnutls_parsed_put(mg_gnutls_parsed *parsed)
{
    if (!parsed || --parsed->refs > 0) return;
    for (unsigned i = 0; i < parsed->count; i++) gnutls_x509_crt_deinit(parsed->crts[i]);
    gnutls_free(parsed->crts);
    if (parsed->key) gnutls_x509_privkey_deinit(parsed->key);
    free(parsed);
}

static void release_kept(void *kept) { mg_gnutls_parsed_put(kept); }

static void free_secret(gnutls_datum_t *data)
{
    mg_secret_wipe(data->data, data->size);
    gnutls_free(data->data);
}

static int read_chain(const gnutls_datum_t *data, const char *password, mg_gnutls_parsed *out)
{
    (void)password; /* certificates are never encrypted */
    return gnutls_x509_crt_list_import2(&out->crts, &out->count, data, mg_gnutls_format_of(data),
                                        0);
}

/* A key with inconsistent parameters aborts inside nettle at GnuTLS's own key/certificate
 * match check (fuzz/regressions/credential_gnutls): it is refused here as a bad credential. */
static int read_key(const gnutls_datum_t *data, const char *password, mg_gnutls_parsed *out)
{
    (void)password; /* an encrypted key is refused: no password is given for it */
    int rc = gnutls_x509_privkey_init(&out->key);
    if (rc >= 0)
        rc = gnutls_x509_privkey_import2(out->key, data, mg_gnutls_format_of(data), NULL, 0);
    if (rc >= 0) rc = gnutls_x509_privkey_verify_params(out->key);
    return rc;
}

/* The leaf and the issuers found in the bundle, in chain order; other certificates dropped. */
static int read_pkcs12(const gnutls_datum_t *data, const char *password, mg_gnutls_parsed *out)
{
    gnutls_pkcs12_t p12 = NULL;
    gnutls_x509_crt_t *extra = NULL;
    unsigned extra_len = 0;
    int rc = gnutls_pkcs12_init(&p12);
    if (rc >= 0) rc = gnutls_pkcs12_import(p12, data, mg_gnutls_format_of(data), 0);
    if (rc >= 0 && password) rc = gnutls_pkcs12_verify_mac(p12, password);
    if (rc >= 0)
        rc = gnutls_pkcs12_simple_parse(p12, password, &out->key, &out->crts, &out->count, &extra,
                                        &extra_len, NULL, 0);
    if (rc >= 0 && (!out->key || out->count == 0)) rc = GNUTLS_E_NO_CERTIFICATE_FOUND;
    if (rc >= 0) rc = gnutls_x509_privkey_verify_params(out->key); /* as in read_key */
    for (unsigned i = 0; i < extra_len; i++) gnutls_x509_crt_deinit(extra[i]);
    gnutls_free(extra);
    if (p12) gnutls_pkcs12_deinit(p12);
    return rc;
}

typedef int (*file_reader)(const gnutls_datum_t *data, const char *password,
                           mg_gnutls_parsed *out);

static const struct {
    const char *name;
    file_reader read;
} kinds[] = {
    [MG_GNUTLS_CHAIN_FILE] = {"gnutls-chain", read_chain},
    [MG_GNUTLS_KEY_FILE] = {"gnutls-key", read_key},
    [MG_GNUTLS_PKCS12_FILE] = {"gnutls-pkcs12", read_pkcs12},
};

/* The caller's bytes are read in place; a file's are wiped once parsed (it may be a key). */
static int read_source(mg_gnutls_file_kind kind, const char *path, const mg_memory_file *bytes,
                       const char *password, mg_gnutls_parsed *out)
{
    if (bytes && bytes->data) {
        if (bytes->len > UINT_MAX) return GNUTLS_E_FILE_ERROR;
        gnutls_datum_t data = {(unsigned char *)bytes->data, (unsigned)bytes->len};
        return kinds[kind].read(&data, password, out);
    }
    gnutls_datum_t data = {NULL, 0};
    int rc = gnutls_load_file(path, &data);
    if (rc >= 0) rc = kinds[kind].read(&data, password, out);
    free_secret(&data);
    return rc;
}

int mg_gnutls_parsed_get(mg_parsed_cache *cache, mg_gnutls_file_kind kind, const char *path,
                         const mg_memory_file *bytes, const char *password, mg_gnutls_parsed **out)
{
    bool in_memory = bytes && bytes->data;
    mg_parsed_key key;
    mg_parsed_key_init(&key, kinds[kind].name);
    mg_parsed_key_secret(&key, password);
    mg_parsed_key_file(&key, in_memory ? NULL : path);
    mg_parsed_key_bytes(&key, in_memory ? bytes->data : NULL, in_memory ? bytes->len : 0);
    mg_gnutls_parsed *parsed = mg_parsed_cache_find(cache, &key);
    if (parsed) {
        parsed->refs++;
        *out = parsed;
        return 0;
    }
    *out = NULL;
    parsed = calloc(1, sizeof *parsed);
    if (!parsed) return GNUTLS_E_MEMORY_ERROR;
    parsed->refs = 1;
    int rc = read_source(kind, path, bytes, password, parsed);
    if (rc < 0) {
        mg_gnutls_parsed_put(parsed);
        return rc;
    }
    parsed->refs++; /* the cache's */
    mg_parsed_cache_keep(cache, &key, parsed, release_kept);
    *out = parsed;
    return 0;
}
