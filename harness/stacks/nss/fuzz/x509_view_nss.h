/* NSS's side of x509_view.h. */
#ifndef MG_X509_VIEW_NSS_H
#define MG_X509_VIEW_NSS_H

#include "x509_view.h"

/* The whole view of a DER input (view zeroed first): the view entry's reader. */
void mg_x509_view_nss(const uint8_t *der, size_t len, mg_x509_view *view);

#endif
