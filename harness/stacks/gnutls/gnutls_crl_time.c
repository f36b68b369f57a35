/* GnuTLS matches a certificate against the loaded CRLs by issuer and serial only: it never
 * looks at a CRL's validity period while verifying (gnutls_x509_crl_verify() checks it, but
 * GnuTLS runs that only at load time with GNUTLS_CERTIFICATE_VERIFY_CRLS, and then only for
 * CRLs signed by a trust anchor, which drops every intermediate's CRL). Under strict, a CRL
 * that covers the peer's chain but is past its nextUpdate, or not yet issued, makes the
 * revocation state unknown: the status bits GnuTLS uses for that. */
#include "gnutls_internal.h"

#include <gnutls/x509.h>

#include <string.h>
#include <time.h>

MG_RESULT mg_gnutls_load_crl_list(mg_gnutls_credentials *cred, const char *crl_file)
{
    gnutls_datum_t data = {NULL, 0};
    int rc = gnutls_load_file(crl_file, &data);
    if (rc >= 0)
        rc = gnutls_x509_crl_list_import2(&cred->crls, &cred->crl_count, &data,
                                          mg_gnutls_format_of(&data), 0);
    gnutls_free(data.data);
    MG_ENSURE(rc >= 0, MG_E_INPUT, "gnutls: CRL file %s: %s", crl_file, gnutls_strerror(rc));
    return MG_OK;
}

void mg_gnutls_free_crl_list(mg_gnutls_credentials *cred)
{
    for (unsigned i = 0; i < cred->crl_count; i++) gnutls_x509_crl_deinit(cred->crls[i]);
    gnutls_free(cred->crls);
    cred->crls = NULL;
    cred->crl_count = 0;
}

static bool same_datum(const gnutls_datum_t *a, const gnutls_datum_t *b)
{
    return a->size == b->size && memcmp(a->data, b->data, a->size) == 0;
}

/* Whether this CRL's issuer issued a certificate of the peer's chain. */
static bool covers_chain(gnutls_x509_crl_t crl, const gnutls_datum_t *chain, unsigned n)
{
    gnutls_datum_t crl_issuer = {NULL, 0};
    if (gnutls_x509_crl_get_raw_issuer_dn(crl, &crl_issuer) < 0) return false;
    bool covers = false;
    for (unsigned i = 0; i < n && !covers; i++) {
        gnutls_x509_crt_t crt;
        gnutls_datum_t issuer = {NULL, 0};
        if (gnutls_x509_crt_init(&crt) < 0) break;
        if (gnutls_x509_crt_import(crt, &chain[i], GNUTLS_X509_FMT_DER) >= 0 &&
            gnutls_x509_crt_get_raw_issuer_dn(crt, &issuer) >= 0)
            covers = same_datum(&crl_issuer, &issuer);
        gnutls_free(issuer.data);
        gnutls_x509_crt_deinit(crt);
    }
    gnutls_free(crl_issuer.data);
    return covers;
}

unsigned mg_gnutls_crl_time_status(const mg_gnutls_session *s)
{
    const mg_gnutls_credentials *cred = s->ctx->cred;
    unsigned n = 0;
    const gnutls_datum_t *chain = gnutls_certificate_get_peers(s->tls, &n);
    time_t now = s->ctx->config.pin_time ? (time_t)s->ctx->config.verify_time : time(NULL);
    unsigned status = 0;
    for (unsigned i = 0; chain && i < cred->crl_count; i++) {
        if (!covers_chain(cred->crls[i], chain, n)) continue;
        time_t next = gnutls_x509_crl_get_next_update(cred->crls[i]);
        if (next != (time_t)-1 && next < now) status |= GNUTLS_CERT_REVOCATION_DATA_SUPERSEDED;
        if (gnutls_x509_crl_get_this_update(cred->crls[i]) > now)
            status |= GNUTLS_CERT_REVOCATION_DATA_ISSUED_IN_FUTURE;
    }
    return status ? status | GNUTLS_CERT_INVALID : 0;
}
