/* The crl and ocsp entries (mg_fuzz_<stack>_crl, mg_fuzz_<stack>_ocsp, fuzz_entry.h): parse
 * DER, read every field and extension a revocation check reads, print it, check its signature
 * against the fixture CAs at the fixture time, and look the fixture's certificates up in it.
 * This header only says so; each stack's fuzz folder defines them. */
#ifndef MG_REVOCATION_READ_H
#define MG_REVOCATION_READ_H

#include "fuzz_entry.h"

#endif
