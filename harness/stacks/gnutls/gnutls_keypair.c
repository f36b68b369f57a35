/* This side's own certificate chain and key, from PEM, DER or PKCS#12, sent as given.
 *
 * Order: gnutls_certificate_set_x509_key_file() sorts a PEM chain (GNUTLS_X509_CRT_LIST_SORT:
 * leaf first, each certificate followed by its issuer), so an unordered chain would go out
 * ordered. Here the file is imported without sorting (gnutls_key_files.c) and set with
 * gnutls_certificate_set_key(), which keeps the list as it is and still runs GnuTLS's
 * key/certificate match check. PKCS#12 goes through gnutls_pkcs12_simple_parse(): the leaf and
 * the issuers found in the bundle, in chain order.
 *
 * Selection: a GnuTLS client sends nothing when no certificate of its chain was issued by a CA
 * the server named in CertificateRequest; a client here sends the chain it was given, so the
 * server judges it (a retrieve function that always answers with this pair). A client given a
 * second credential (alt_credential) is left to GnuTLS's own choice instead: both pairs go
 * into the credentials, and GnuTLS sends the first whose chain holds a certificate issued by a
 * named CA, or an empty Certificate when none does (lib/auth/cert.c, find_x509_client_cert;
 * with two pairs and an empty list it sends none either). */
#include "gnutls_internal.h"

#include <gnutls/abstract.h>
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

/* This context's own copies of a parsed chain and key: the credentials will own them. */
static int pair_from(const mg_gnutls_parsed *chain, const mg_gnutls_parsed *key,
                     mg_gnutls_key_pair *p)
{
    int rc = pcerts_from(chain->crts, chain->count, p);
    if (rc >= 0) rc = gnutls_privkey_init(&p->key);
    if (rc >= 0) rc = gnutls_privkey_import_x509(p->key, key->key, GNUTLS_PRIVKEY_IMPORT_COPY);
    return rc;
}

static int retrieve(gnutls_session_t tls, const gnutls_datum_t *req_ca_rdn, int nreqs,
                    const gnutls_pk_algorithm_t *pk_algos, int pk_algos_length,
                    gnutls_pcert_st **pcert, unsigned *pcert_length, gnutls_privkey_t *key)
{
    (void)req_ca_rdn, (void)nreqs, (void)pk_algos, (void)pk_algos_length;
    const mg_gnutls_session *s = gnutls_session_get_ptr(tls);
    *pcert = s->ctx->cred->pair.pcerts;
    *pcert_length = s->ctx->cred->pair.count;
    *key = s->ctx->cred->pair.key;
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

/* The pair `cred` names, from its parsed files or bytes; false with `why` filled. */
static bool pair_of(const mg_side_config *config, mg_parsed_cache *parsed,
                    mg_gnutls_key_pair *p, mg_side_outcome *why)
{
    const mg_credential *cred = &config->credential;
    const mg_credential_bytes *bytes = &config->credential_bytes;
    mg_gnutls_parsed *chain = NULL, *key = NULL;
    const char *cert_name = mg_side_cert_name(config);
    bool ok = true;
    int rc;
    if (cred->p12_file) {
        rc = mg_gnutls_parsed_get(parsed, MG_GNUTLS_PKCS12_FILE, cred->p12_file, NULL,
                                  cred->p12_password, &chain);
        if (rc < 0) return refuse(why, "PKCS#12", cred->p12_file, rc, p);
        rc = pair_from(chain, chain, p);
        if (rc < 0) ok = refuse(why, "PKCS#12", cred->p12_file, rc, p);
    } else {
        rc = mg_gnutls_parsed_get(parsed, MG_GNUTLS_CHAIN_FILE, cred->cert_file,
                                  &bytes->cert, NULL, &chain);
        if (rc < 0) return refuse(why, "certificate", cert_name, rc, p);
        rc = mg_gnutls_parsed_get(parsed, MG_GNUTLS_KEY_FILE, cred->key_file, &bytes->key,
                                  NULL, &key);
        if (rc < 0) ok = refuse(why, "private key", mg_side_key_name(config), rc, p);
        if (ok && (rc = pair_from(chain, key, p)) < 0)
            ok = refuse(why, "certificate", cert_name, rc, p);
    }
    mg_gnutls_parsed_put(chain);
    mg_gnutls_parsed_put(key);
    return ok;
}

/* The second pair: the credentials copy the array and own its contents. */
static bool load_alt_pair(mg_gnutls_credentials *into, const mg_side_config *config,
                          mg_parsed_cache *parsed, mg_side_outcome *why)
{
    mg_side_config alt = *config;
    alt.credential = config->alt_credential;
    alt.credential_bytes = (mg_credential_bytes){{0}, {0}};
    mg_gnutls_key_pair p = {NULL, 0, NULL};
    if (!pair_of(&alt, parsed, &p, why)) return false;
    int rc = gnutls_certificate_set_key(into->creds, NULL, 0, p.pcerts, (int)p.count, p.key);
    if (rc < 0) return refuse(why, "certificate and key", alt.credential.cert_file, rc, &p);
    gnutls_free(p.pcerts);
    return true;
}

bool mg_gnutls_load_key_pair(mg_gnutls_credentials *into, const mg_side_config *config,
                             mg_parsed_cache *parsed, mg_side_outcome *why)
{
    const mg_credential *cred = &config->credential;
    mg_gnutls_key_pair p = {NULL, 0, NULL};
    bool has_cert = mg_side_has_cert(config), has_key = mg_side_has_key(config);
    const char *named = mg_side_cert_name(config);
    if (!cred->p12_file && !has_cert && !has_key) return true; /* no credential */
    if (!cred->p12_file && (!has_cert || !has_key))
        return refuse(why, "credential without its certificate or key",
                      has_cert ? named : mg_side_key_name(config), GNUTLS_E_INVALID_REQUEST,
                      &p);
    if (!pair_of(config, parsed, &p, why)) return false;
    int rc = gnutls_certificate_set_key(into->creds, NULL, 0, p.pcerts, (int)p.count, p.key);
    if (rc < 0) return refuse(why, "certificate and key", named, rc, &p);
    /* The credentials now own the certificates' contents and the key; we keep the list for
     * the retrieve function and free only the array. */
    into->pair = p;
    if (config->role == MG_ROLE_CLIENT && config->alt_credential.cert_file)
        return load_alt_pair(into, config, parsed, why);
    if (config->role == MG_ROLE_CLIENT)
        gnutls_certificate_set_retrieve_function2(into->creds, retrieve);
    return true;
}
