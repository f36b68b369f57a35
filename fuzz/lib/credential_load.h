/* The body of the credential entry (mg_fuzz_<stack>_credential, fuzz_entry.h): this
 * project's credential loader (how a backend's context_new reads the certificate, chain and
 * key files or the PKCS#12 bundle a side is given, in harness/stacks/<stack>/), from bytes to
 * a loaded context, through the backend's public mg_stack.context_new and temp files (the
 * loaders read only paths). Each stack's entry calls mg_fuzz_credential with its mg_stack
 * and its reading of the work bound.
 *
 * Input: byte 0 chooses, the rest is the file content.
 *   bit 0  0: a certificate file and a key file, split at the first MG_FUZZ_KEY_SEPARATOR
 *             (none: the whole rest is both files, as a PEM that holds chain and key);
 *          1: a PKCS#12 bundle, opened with the fixture password.
 *   bit 1  the side: 0 server, 1 client.     bit 2  TLS 1.2 (0) or 1.3 (1).
 *
 * The loader's contract is checked, and a breach aborts: context_new fails only for the
 * tool's own errors (never for a bad file); a refused credential leaves no context and says
 * setup-failed with reason bad-credential or key-mismatch; a second load of the same files
 * through the parsed cache (harness/parsed_cache.h), which reuses what the first parsed,
 * comes to the same end.
 *
 * Work bound: a bundle whose KDF counts exceed pkcs12_read.h's bound is not loaded (its
 * parsing is fuzzed by the pkcs12 targets); a slow input cannot pass for a hang. */
#ifndef MG_CREDENTIAL_LOAD_H
#define MG_CREDENTIAL_LOAD_H

#include "stack.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MG_FUZZ_KEY_SEPARATOR "\n#mg-key-file#\n"

/* True when opening this bundle with the password stays within the work bound. */
typedef bool (*mg_fuzz_p12_bound_fn)(const uint8_t *data, size_t size, const char *password);

void mg_fuzz_credential(const mg_stack *stack, mg_fuzz_p12_bound_fn within_bound,
                        const uint8_t *data, size_t size);

#endif
