/* wolfSSL's known divergences from the other stacks' certificate parsers (x509_known.h). */
#ifndef MG_X509_KNOWN_WOLFSSL_H
#define MG_X509_KNOWN_WOLFSSL_H

#include "x509_known.h"

extern const mg_x509_known_divergence mg_x509_known_wolfssl[];

#endif
