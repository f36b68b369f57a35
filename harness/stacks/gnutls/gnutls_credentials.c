/* Credentials, trust, CRLs and the OCSP staple, parsed once per process for each set of files
 * and settings and shared by every context that names the same (see mg_gnutls_credentials).
 * A file GnuTLS cannot use is the case's verdict (setup failed: bad-credential or
 * key-mismatch), not a tool error. */
#include "gnutls_internal.h"

#include <stdlib.h>
#include <string.h>

static bool refuse(mg_side_outcome *why, const char *what, const char *path, int error)
{
    mg_gnutls_setup_failed(why, MG_REASON_BAD_CREDENTIAL, error, "%s %s: %s (%s)", what, path,
                           gnutls_strerror(error), gnutls_strerror_name(error));
    return false;
}

static bool load_trust(mg_gnutls_credentials *cred, const mg_side_config *c, mg_side_outcome *why)
{
    if (c->trust_file) {
        int rc = gnutls_certificate_set_x509_trust_file(cred->creds, c->trust_file,
                                                        GNUTLS_X509_FMT_PEM);
        if (rc <= 0)
            return refuse(why, "trust file", c->trust_file,
                          rc < 0 ? rc : GNUTLS_E_NO_CERTIFICATE_FOUND);
    }
    /* Under minimal, no CRLs: a typical application does not load them. */
    if (c->crl_file && c->policy == MG_POLICY_STRICT) {
        int rc =
            gnutls_certificate_set_x509_crl_file(cred->creds, c->crl_file, GNUTLS_X509_FMT_PEM);
        if (rc <= 0)
            return refuse(why, "CRL file", c->crl_file,
                          rc < 0 ? rc : GNUTLS_E_NO_CERTIFICATE_FOUND);
    }
    return true;
}

/* gnutls_certificate_set_ocsp_status_request_file() refuses a response that says "revoked"
 * (GNUTLS_E_EXPIRED), so a GnuTLS server would never staple one; the response is handed over
 * verbatim through the callback instead, for the client to judge. */
static int staple(gnutls_session_t tls, void *ptr, gnutls_datum_t *response)
{
    (void)tls;
    const gnutls_datum_t *stored = ptr;
    response->data = gnutls_malloc(stored->size);
    if (!response->data) return GNUTLS_E_MEMORY_ERROR;
    memcpy(response->data, stored->data, stored->size);
    response->size = stored->size;
    return 0;
}

static bool load_staple(mg_gnutls_credentials *cred, const mg_side_config *c, mg_side_outcome *why)
{
    if (!c->ocsp_file || c->role != MG_ROLE_SERVER) return true;
    int rc = gnutls_load_file(c->ocsp_file, &cred->ocsp_response);
    if (rc >= 0)
        rc = gnutls_certificate_set_ocsp_status_request_function2(cred->creds, 0, staple,
                                                                  &cred->ocsp_response);
    return rc >= 0 || refuse(why, "OCSP response", c->ocsp_file, rc);
}

/* GnuTLS's limit counts the certificates the peer sends; max_depth counts the issuers above
 * the leaf (as OpenSSL's verify depth does), so a chain sent without its root fits in
 * max_depth + 1. Key sizes: 16384 bits, GnuTLS's own default. */
#define MG_GNUTLS_MAX_KEY_BITS 16384

void mg_gnutls_credentials_put(mg_gnutls_credentials *cred)
{
    if (!cred || --cred->refs > 0) return;
    if (cred->creds) gnutls_certificate_free_credentials(cred->creds);
    gnutls_free(cred->ocsp_response.data);
    gnutls_free(cred->pair.pcerts); /* the contents went with the credentials */
    mg_gnutls_free_crl_list(cred);
    free(cred);
}

static void release_kept(void *kept) { mg_gnutls_credentials_put(kept); }

static MG_RESULT load(const mg_side_config *c, mg_parsed_cache *parsed, mg_gnutls_credentials *cred,
                      mg_side_outcome *why, bool *loaded)
{
    int rc = gnutls_certificate_allocate_credentials(&cred->creds);
    MG_ENSURE(rc >= 0, MG_E_INTERNAL, "gnutls: allocating credentials: %s", gnutls_strerror(rc));
    /* strict: the verification flags that add checks (no version-1 CA certificates even as
     * trust anchors; RSA-PSS salts as long as the digest, RFC 8446 4.2.3). */
    if (c->policy == MG_POLICY_STRICT)
        gnutls_certificate_set_verify_flags(cred->creds,
                                            GNUTLS_VERIFY_DO_NOT_ALLOW_X509_V1_CA_CRT |
                                                GNUTLS_VERIFY_RSA_PSS_FIXED_SALT_LENGTH);
    if (c->skip_key_check)
        gnutls_certificate_set_flags(cred->creds, GNUTLS_CERTIFICATE_SKIP_KEY_CERT_MATCH);
    if (c->limit_depth)
        gnutls_certificate_set_verify_limits(cred->creds, MG_GNUTLS_MAX_KEY_BITS,
                                             (unsigned)c->max_depth + 1);
    *loaded = mg_gnutls_load_key_pair(cred, c, parsed, why) && load_trust(cred, c, why) &&
              load_staple(cred, c, why);
    if (*loaded && c->crl_file && c->policy == MG_POLICY_STRICT)
        MG_GUARD(mg_gnutls_load_crl_list(cred, c->crl_file));
    return MG_OK;
}

/* Every field load() reads, and the instant (no load step reads the clock today; a shared
 * credential must not depend on one should GnuTLS start to). */
static void key_of(const mg_side_config *c, mg_parsed_key *key)
{
    bool strict = c->policy == MG_POLICY_STRICT;
    mg_parsed_key_init(key, "gnutls-credentials");
    mg_parsed_key_int(key, c->role);
    mg_parsed_key_int(key, c->policy);
    mg_parsed_key_int(key, c->skip_key_check);
    mg_parsed_key_int(key, c->limit_depth ? c->max_depth : -1);
    mg_parsed_key_int(key, c->pin_time);
    mg_parsed_key_int(key, c->verify_time);
    mg_parsed_key_file(key, c->credential_bytes.cert.data ? NULL : c->credential.cert_file);
    mg_parsed_key_bytes(key, c->credential_bytes.cert.data, c->credential_bytes.cert.len);
    mg_parsed_key_file(key, c->credential_bytes.key.data ? NULL : c->credential.key_file);
    mg_parsed_key_bytes(key, c->credential_bytes.key.data, c->credential_bytes.key.len);
    mg_parsed_key_file(key, c->credential.p12_file);
    mg_parsed_key_secret(key, c->credential.p12_password);
    mg_parsed_key_file(key, c->trust_file);
    mg_parsed_key_file(key, strict ? c->crl_file : NULL);
    mg_parsed_key_file(key, c->role == MG_ROLE_SERVER ? c->ocsp_file : NULL);
    mg_parsed_key_file(key, c->role == MG_ROLE_CLIENT ? c->alt_credential.cert_file : NULL);
    mg_parsed_key_file(key, c->role == MG_ROLE_CLIENT ? c->alt_credential.key_file : NULL);
}

MG_RESULT mg_gnutls_credentials_get(const mg_side_config *config, mg_parsed_cache *parsed,
                                    mg_gnutls_credentials **out, mg_side_outcome *why)
{
    *out = NULL;
    mg_parsed_key key;
    key_of(config, &key);
    mg_gnutls_credentials *cred = mg_parsed_cache_find(parsed, &key);
    if (cred) {
        cred->refs++;
        *out = cred;
        return MG_OK;
    }
    cred = calloc(1, sizeof *cred);
    MG_ENSURE(cred, MG_E_INTERNAL, "gnutls: out of memory for credentials");
    static unsigned long serials;
    cred->refs = 1;
    cred->serial = ++serials;
    bool loaded = false;
    mg_result r = load(config, parsed, cred, why, &loaded);
    if (!mg_ok(r) || !loaded) {
        mg_gnutls_credentials_put(cred);
        return r;
    }
    cred->refs++; /* the cache's */
    mg_parsed_cache_keep(parsed, &key, cred, release_kept);
    *out = cred;
    return MG_OK;
}
