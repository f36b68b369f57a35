/* The pkcs12 entry (mg_fuzz_<stack>_pkcs12, fuzz_entry.h): parse DER, verify the MAC, open
 * every safe and bag (certificates, keys, shrouded keys, CRLs, attributes) with the fixture
 * password, then run the stack's one-call parser (its PKCS#12 "parse everything" call).
 *
 * Work bound: a KDF's cost is its iteration count, which the file chooses; any count is
 * valid and only slow. Counts above MG_FUZZ_PKCS12_MAX_ITER (and scrypt costs above the
 * same bound) are read but not run, so a slow input cannot pass for a hang. The KDF code
 * is the same at every count. This bounds work; it hides no input from any parser. */
#ifndef MG_PKCS12_READ_H
#define MG_PKCS12_READ_H

#define MG_FUZZ_PKCS12_MAX_ITER 64

#endif
