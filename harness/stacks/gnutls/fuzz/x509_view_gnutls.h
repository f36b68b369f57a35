/* GnuTLS's side of x509_view.h. */
#ifndef MG_X509_VIEW_GNUTLS_H
#define MG_X509_VIEW_GNUTLS_H

#include "x509_view.h"

#include <gnutls/x509.h>

/* Fills the extension and validity fields of view from a parsed certificate. */
void mg_x509_view_from_gnutls(gnutls_x509_crt_t crt, mg_x509_view *view);

/* The whole view of a DER input (view zeroed first): the view entry's reader. */
void mg_x509_view_gnutls(const uint8_t *der, size_t len, mg_x509_view *view);

#endif
