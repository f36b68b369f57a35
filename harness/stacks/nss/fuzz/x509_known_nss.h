/* NSS's known divergences from the other stacks' certificate parsers (x509_known.h). */
#ifndef MG_X509_KNOWN_NSS_H
#define MG_X509_KNOWN_NSS_H

#include "x509_known.h"

extern const mg_x509_known_divergence mg_x509_known_nss[];

#endif
