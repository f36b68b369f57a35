/* What the known-divergence tests ask of the input (x509_known.h), answered by NSS from its
 * own decoding of it: the other stacks' records then hold against NSS too, and NSS's own
 * records ask the same of their own side. Only called on a disagreement, so cost does not
 * matter. Each returns false when NSS does not decode the input. NSS cannot tell whether its
 * verifier would refuse a certificate it decodes or whether the input is canonical DER (it
 * keeps no re-encoding), nor which OID made an extension fail: those answer "cannot tell". */
#ifndef MG_X509_FACTS_NSS_H
#define MG_X509_FACTS_NSS_H

#include "x509_known.h"

#include <secoidt.h>

extern const mg_x509_facts mg_x509_facts_nss;

/* The extension of a view field ("eku", "san", "basic-constraints", "key-usage"), or
 * SEC_OID_UNKNOWN. */
SECOidTag mg_x509_facts_nss_tag_of(const char *field);

/* The two validity times as written (raw UTCTime or GeneralizedTime characters). */
typedef struct {
    char text[2][32];
    bool generalized[2];
} mg_nss_times;
bool mg_x509_facts_nss_times(const uint8_t *der, size_t len, mg_nss_times *out);

#endif
