/* The fixture as NSS objects, made once per process and kept for its life. NSS keeps every
 * certificate in one process-wide store and trusts what their trust flags say, so the
 * fixture's CAs are temporary certificates of that store, flagged as trusted CAs, for as long
 * as the target runs (a fuzz target is its own process: no other case shares the store). */
#ifndef MG_FIXTURE_NSS_H
#define MG_FIXTURE_NSS_H

#include <cert.h>

#include "nss_internal.h"

/* NSS_NoDB_Init (the backend's mg_nss_init) and the fixture CAs (idempotent). */
void mg_fixture_nss_init(void);
/* Every CA of the matrix, trusted, as temporary certificates. */
CERTCertList *mg_fixture_nss_cas(void);
/* The fixture server's chain (leaf first) as DER: what the CRL target looks up. */
const mg_nss_ders *mg_fixture_nss_server_chain(void);
/* A certificate decoded from DER outside the store (NULL when it does not decode):
 * CERT_DecodeDERCertificate, which libnss3 exports only under its old name
 * __CERT_DecodeDERCertificate (nss.def), as CERT_NewTempCertificate calls it. */
CERTCertificate *mg_fixture_nss_decode(const uint8_t *der, size_t len);
/* The fixture time as NSS's PRTime (microseconds since the epoch). */
PRTime mg_fixture_nss_time(void);

#endif
