/* OpenSSL's side of x509_view.h. */
#ifndef MG_X509_VIEW_OPENSSL_H
#define MG_X509_VIEW_OPENSSL_H

#include "x509_view.h"

#include <openssl/x509.h>

/* Fills the extension and validity fields of view from a parsed certificate. */
void mg_x509_view_from_openssl(X509 *cert, mg_x509_view *view);

/* The whole view of a DER input (view zeroed first): the view entry's reader. */
void mg_x509_view_openssl(const uint8_t *der, size_t len, mg_x509_view *view);

#endif
