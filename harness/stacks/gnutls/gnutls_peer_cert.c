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

bool mg_gnutls_peer_leaf_cannot_sign(gnutls_session_t tls)
{
    unsigned n = 0;
    const gnutls_datum_t *der = gnutls_certificate_get_peers(tls, &n);
    gnutls_x509_crt_t crt;
    if (!der || n == 0 || gnutls_x509_crt_init(&crt) < 0) return false;
    unsigned usage = 0;
    bool cannot = gnutls_x509_crt_import(crt, &der[0], GNUTLS_X509_FMT_DER) >= 0 &&
                  gnutls_x509_crt_get_key_usage(crt, &usage, NULL) >= 0 &&
                  !(usage & GNUTLS_KEY_DIGITAL_SIGNATURE);
    gnutls_x509_crt_deinit(crt);
    return cannot;
}
