/* wolfSSL's fuzz entry points (fuzz/lib/fuzz_entry.h says what each one does), the ones
 * fuzz.cmake lists: fuzz/targets.list makes a target of each. */
#ifndef MG_WOLFSSL_FUZZ_H
#define MG_WOLFSSL_FUZZ_H

#include <wolfssl/options.h> /* first: the build's feature macros */

#include "flight.h"
#include "fuzz_entry.h"
#include "x509_diff.h"

MG_FUZZ_ENTRY_POINT(mg_fuzz_wolfssl_x509);
MG_FUZZ_ENTRY_POINT(mg_fuzz_wolfssl_crl);
MG_FUZZ_ENTRY_POINT(mg_fuzz_wolfssl_pkcs12);
MG_FUZZ_ENTRY_POINT(mg_fuzz_wolfssl_credential);
MG_FUZZ_ENTRY_POINT(mg_fuzz_wolfssl_flight);

/* The flight entry's server and recorder, for the seed maker (flight.h). */
mg_flight_serve_fn mg_fuzz_wolfssl_flight_serve;
MG_RESULT mg_fuzz_wolfssl_flight_record(const char *chain_file, const char *key_file,
                                        mg_bytes *flight);

/* The view entry, for the differential target (x509_diff.h). */
extern const mg_x509_viewer mg_fuzz_wolfssl_view;

#endif
