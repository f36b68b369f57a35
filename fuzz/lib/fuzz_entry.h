/* The entry points a stack's fuzz folder (harness/stacks/<stack>/fuzz/) provides, each named
 * mg_fuzz_<stack>_<entry>; the stack's fuzz.cmake lists the entries it has, and
 * fuzz/targets.list makes one target per entry per stack that has it (targets/entry.c, built
 * with -DMG_FUZZ_ENTRY=mg_fuzz_<stack>_<entry>). What each entry does is said once, in the
 * header of its kind:
 *   x509        x509_read.h          crl, ocsp    revocation_read.h
 *   pkcs12      pkcs12_read.h        credential   credential_load.h
 *   flight      flight.h (with mg_fuzz_<stack>_flight_record and _flight_serve for the seeds)
 *   view        x509_diff.h (an mg_x509_viewer object for the differential target) */
#ifndef MG_FUZZ_ENTRY_H
#define MG_FUZZ_ENTRY_H

#include <stddef.h>
#include <stdint.h>

/* Declares (or begins the definition of) an entry point taking one fuzz input. */
#define MG_FUZZ_ENTRY_POINT(name) void name(const uint8_t *data, size_t size)

#endif
