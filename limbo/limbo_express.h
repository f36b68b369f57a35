/* Whether a limbo testcase can be replayed as a handshake with the meaning limbo gives it.
 * What the harness cannot express is a skip with its reason, never a guess: no key, a key TLS
 * cannot sign with, constraints no stack setting carries (signature_algorithms, key_usage, an
 * EKU other than the one a TLS side requires), names a TLS side cannot be told to expect. */
#ifndef MG_LIMBO_EXPRESS_H
#define MG_LIMBO_EXPRESS_H

#include "limbo_suite.h"

#include <stddef.h>

/* Fills `why` with the reason the testcase cannot be replayed, or "" when it can. */
void mg_limbo_unexpressible(const mg_limbo_testcase *t, char *why, size_t len);

/* The EKU a TLS validator of this kind requires: "serverAuth" (SERVER) or "clientAuth". */
const char *mg_limbo_tls_purpose(mg_limbo_kind kind);

/* Why the peer key cannot sign a handshake (DSA, a curve TLS has no scheme for, ...), or ""
 * (also when libcrypto cannot read it: then the presenting stack has its say). */
void mg_limbo_key_problem(const char *key_pem, char *why, size_t len);

/* Why the leaf's own fields conflict with the testcase's constraints (an EKU that TLS would
 * check though limbo asks for none; expected_peer_names that are not the leaf's SANs), or "". */
void mg_limbo_leaf_problem(const mg_limbo_testcase *t, char *why, size_t len);

#endif
