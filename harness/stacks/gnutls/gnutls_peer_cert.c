/* What the peer's own certificate says, for failures whose GnuTLS error does not tell whose
 * certificate was at fault (GNUTLS_E_KEY_USAGE_VIOLATION is raised for this side's credential
 * and for the peer's alike). */
#include "gnutls_internal.h"

#include <gnutls/x509.h>

unsigned mg_gnutls_peer_cert_count(gnutls_session_t tls)
{
    unsigned n = 0;
    return gnutls_certificate_get_peers(tls, &n) ? n : 0;
}

/* A keyUsage extension without digitalSignature: the key may not sign the handshake. */
static bool leaf_cannot_sign(const gnutls_datum_t *der)
{
    gnutls_x509_crt_t crt;
    if (!der || gnutls_x509_crt_init(&crt) < 0) return false;
    unsigned usage = 0;
    bool cannot = gnutls_x509_crt_import(crt, &der[0], GNUTLS_X509_FMT_DER) >= 0 &&
                  gnutls_x509_crt_get_key_usage(crt, &usage, NULL) >= 0 &&
                  !(usage & GNUTLS_KEY_DIGITAL_SIGNATURE);
    gnutls_x509_crt_deinit(crt);
    return cannot;
}

bool mg_gnutls_peer_leaf_cannot_sign(gnutls_session_t tls)
{
    unsigned n = 0;
    const gnutls_datum_t *der = gnutls_certificate_get_peers(tls, &n);
    return n > 0 && leaf_cannot_sign(der);
}

bool mg_gnutls_own_leaf_cannot_sign(const mg_gnutls_session *s)
{
    const mg_gnutls_key_pair *pair = &s->ctx->cred->pair;
    return pair->count > 0 && leaf_cannot_sign(&pair->pcerts[0].cert);
}
