/* OpenSSL's fuzz entry points (fuzz/lib/fuzz_entry.h says what each one does), the ones
 * fuzz.cmake lists: fuzz/targets.list makes a target of each. */
#ifndef MG_OPENSSL_FUZZ_H
#define MG_OPENSSL_FUZZ_H

#include "flight.h"
#include "fuzz_entry.h"
#include "x509_diff.h"

MG_FUZZ_ENTRY_POINT(mg_fuzz_openssl_x509);
MG_FUZZ_ENTRY_POINT(mg_fuzz_openssl_crl);
MG_FUZZ_ENTRY_POINT(mg_fuzz_openssl_ocsp);
MG_FUZZ_ENTRY_POINT(mg_fuzz_openssl_pkcs12);
MG_FUZZ_ENTRY_POINT(mg_fuzz_openssl_credential);
MG_FUZZ_ENTRY_POINT(mg_fuzz_openssl_flight);

/* The flight entry's server and recorder, for the seed maker (flight.h). */
mg_flight_serve_fn mg_fuzz_openssl_flight_serve;
MG_RESULT mg_fuzz_openssl_flight_record(const char *chain_file, const char *key_file,
                                 mg_bytes *flight);

/* The view entry, for the differential target (x509_diff.h). */
extern const mg_x509_viewer mg_fuzz_openssl_view;

#endif
