/* This side's own certificate chain and key, from PEM, DER or PKCS#12, sent as given.
 *
 * Order: gnutls_certificate_set_x509_key_file() sorts a PEM chain (GNUTLS_X509_CRT_LIST_SORT:
 * leaf first, each certificate followed by its issuer), so an unordered chain would go out
 * ordered. Here the file is imported without sorting and set with gnutls_certificate_set_key(),
 * which keeps the list as it is and still runs GnuTLS's key/certificate match check. PKCS#12
 * goes through gnutls_pkcs12_simple_parse(): the leaf and the issuers found in the bundle, in
 * chain order.
 *
 * Selection: a GnuTLS client sends nothing when no certificate of its chain was issued by a CA
 * the server named in CertificateRequest; a client here sends the chain it was given, so the
 * server judges it (a retrieve function that always answers with this pair). */
#include "gnutls_internal.h"

#include <gnutls/abstract.h>
#include <gnutls/pkcs12.h>
#include <gnutls/x509.h>

#include <string.h>

gnutls_x509_crt_fmt_t mg_gnutls_format_of(const gnutls_datum_t *data)
{
    static const char marker[] = "-----BEGIN";
    const size_t n = sizeof marker - 1;
    for (size_t i = 0; i + n <= data->size; i++)
        if (memcmp(data->data + i, marker, n) == 0) return GNUTLS_X509_FMT_PEM;
    return GNUTLS_X509_FMT_DER;
}

static void pair_free(mg_gnutls_key_pair *p)
{
    for (unsigned i = 0; i < p->count; i++) gnutls_pcert_deinit(&p->pcerts[i]);
    gnutls_free(p->pcerts);
    if (p->key) gnutls_privkey_deinit(p->key);
    *p = (mg_gnutls_key_pair){NULL, 0, NULL};
}

static int pcerts_from(gnutls_x509_crt_t *crts, unsigned n, mg_gnutls_key_pair *p)
{
    p->pcerts = gnutls_calloc(n ? n : 1, sizeof *p->pcerts);
    if (!p->pcerts) return GNUTLS_E_MEMORY_ERROR;
    p->count = n;
    int rc = gnutls_pcert_import_x509_list(p->pcerts, crts, &p->count, 0);
    if (rc < 0) p->count = 0;
    return rc;
}

static int read_chain(const char *path, mg_gnutls_key_pair *p)
{
    gnutls_datum_t data = {NULL, 0};
    gnutls_x509_crt_t *crts = NULL;
    unsigned n = 0;
    int rc = gnutls_load_file(path, &data);
    if (rc >= 0) rc = gnutls_x509_crt_list_import2(&crts, &n, &data, mg_gnutls_format_of(&data), 0);
    if (rc >= 0) rc = pcerts_from(crts, n, p);
    for (unsigned i = 0; i < n; i++) gnutls_x509_crt_deinit(crts[i]);
    gnutls_free(crts);
    gnutls_free(data.data);
    return rc;
}

static void free_secret(gnutls_datum_t *data)
{
    if (data->data) memset(data->data, 0, data->size);
    gnutls_free(data->data);
}

static int read_key(const char *path, mg_gnutls_key_pair *p)
{
    gnutls_datum_t data = {NULL, 0};
    int rc = gnutls_load_file(path, &data);
    if (rc >= 0) rc = gnutls_privkey_init(&p->key);
    if (rc >= 0) rc = gnutls_privkey_import_x509_raw(p->key, &data, mg_gnutls_format_of(&data), NULL, 0);
    /* A key with inconsistent parameters aborts inside nettle at GnuTLS's own key/certificate
     * match check (fuzz/regressions/credential_gnutls): refuse it here as a bad credential. */
    if (rc >= 0) rc = gnutls_privkey_verify_params(p->key);
    free_secret(&data);
    return rc;
}

static int read_pkcs12(const char *path, const char *password, mg_gnutls_key_pair *p)
{
    gnutls_datum_t data = {NULL, 0};
    gnutls_pkcs12_t p12 = NULL;
    gnutls_x509_privkey_t xkey = NULL;
    gnutls_x509_crt_t *chain = NULL, *extra = NULL;
    unsigned chain_len = 0, extra_len = 0;
    int rc = gnutls_load_file(path, &data);
    if (rc >= 0) rc = gnutls_pkcs12_init(&p12);
    if (rc >= 0) rc = gnutls_pkcs12_import(p12, &data, mg_gnutls_format_of(&data), 0);
    if (rc >= 0 && password) rc = gnutls_pkcs12_verify_mac(p12, password);
    if (rc >= 0)
        rc = gnutls_pkcs12_simple_parse(p12, password, &xkey, &chain, &chain_len, &extra,
                                        &extra_len, NULL, 0);
    if (rc >= 0 && (!xkey || chain_len == 0)) rc = GNUTLS_E_NO_CERTIFICATE_FOUND;
    if (rc >= 0) rc = pcerts_from(chain, chain_len, p);
    if (rc >= 0) rc = gnutls_privkey_init(&p->key);
    if (rc >= 0) rc = gnutls_privkey_import_x509(p->key, xkey, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
    if (rc >= 0) xkey = NULL; /* now the privkey's */
    if (rc >= 0) rc = gnutls_privkey_verify_params(p->key); /* as in read_key */
    for (unsigned i = 0; i < chain_len; i++) gnutls_x509_crt_deinit(chain[i]);
    for (unsigned i = 0; i < extra_len; i++) gnutls_x509_crt_deinit(extra[i]);
    gnutls_free(chain);
    gnutls_free(extra);
    if (xkey) gnutls_x509_privkey_deinit(xkey);
    if (p12) gnutls_pkcs12_deinit(p12);
    free_secret(&data);
    return rc;
}

static int retrieve(gnutls_session_t tls, const gnutls_datum_t *req_ca_rdn, int nreqs,
                    const gnutls_pk_algorithm_t *pk_algos, int pk_algos_length,
                    gnutls_pcert_st **pcert, unsigned *pcert_length, gnutls_privkey_t *key)
{
    (void)req_ca_rdn, (void)nreqs, (void)pk_algos, (void)pk_algos_length;
    const mg_gnutls_session *s = gnutls_session_get_ptr(tls);
    *pcert = s->ctx->pair.pcerts;
    *pcert_length = s->ctx->pair.count;
    *key = s->ctx->pair.key;
    return 0;
}

static bool refuse(mg_side_outcome *why, const char *what, const char *path, int error,
                   mg_gnutls_key_pair *p)
{
    pair_free(p);
    mg_reason reason = error == GNUTLS_E_CERTIFICATE_KEY_MISMATCH ? MG_REASON_KEY_MISMATCH
                                                                 : MG_REASON_BAD_CREDENTIAL;
    mg_gnutls_setup_failed(why, reason, error, "%s %s: %s (%s)", what, path,
                           gnutls_strerror(error), gnutls_strerror_name(error));
    return false;
}

bool mg_gnutls_load_key_pair(mg_gnutls_context *ctx, mg_side_outcome *why)
{
    const mg_credential *cred = &ctx->config.credential;
    mg_gnutls_key_pair p = {NULL, 0, NULL};
    const char *named = cred->p12_file ? cred->p12_file : cred->cert_file;
    int rc;
    if (cred->p12_file) {
        rc = read_pkcs12(cred->p12_file, cred->p12_password, &p);
        if (rc < 0) return refuse(why, "PKCS#12", cred->p12_file, rc, &p);
    } else if (cred->cert_file && cred->key_file) {
        rc = read_chain(cred->cert_file, &p);
        if (rc < 0) return refuse(why, "certificate", cred->cert_file, rc, &p);
        rc = read_key(cred->key_file, &p);
        if (rc < 0) return refuse(why, "private key", cred->key_file, rc, &p);
    } else if (cred->cert_file || cred->key_file) {
        return refuse(why, "credential without its certificate or key",
                      named ? named : cred->key_file, GNUTLS_E_INVALID_REQUEST, &p);
    } else {
        return true; /* no credential */
    }
    rc = gnutls_certificate_set_key(ctx->creds, NULL, 0, p.pcerts, (int)p.count, p.key);
    if (rc < 0) return refuse(why, "certificate and key", named, rc, &p);
    /* The credentials now own the certificates' contents and the key; we keep the list for
     * the retrieve function and free only the array. */
    ctx->pair = p;
    if (ctx->config.role == MG_ROLE_CLIENT)
        gnutls_certificate_set_retrieve_function2(ctx->creds, retrieve);
    return true;
}
