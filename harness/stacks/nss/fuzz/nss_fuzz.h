/* NSS's fuzz entry points (fuzz/lib/fuzz_entry.h says what each one does), the ones
 * fuzz.cmake lists: fuzz/targets.list makes a target of each. */
#ifndef MG_NSS_FUZZ_H
#define MG_NSS_FUZZ_H

#include "fuzz_entry.h"
#include "x509_diff.h"

MG_FUZZ_ENTRY_POINT(mg_fuzz_nss_x509);
MG_FUZZ_ENTRY_POINT(mg_fuzz_nss_crl);
MG_FUZZ_ENTRY_POINT(mg_fuzz_nss_pkcs12);
MG_FUZZ_ENTRY_POINT(mg_fuzz_nss_credential);

/* The view entry, for the differential target (x509_diff.h). */
extern const mg_x509_viewer mg_fuzz_nss_view;

#endif
