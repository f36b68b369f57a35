/* This stack takes a credential's certificates and key from memory: a gnutls_datum_t over the
 * caller's bytes (gnutls_x509_crt_list_import2, gnutls_x509_privkey_import2). The checks are
 * memory_credential_fixture.h's. */
#include "memory_credential_fixture.h"

extern const mg_stack mg_stack_gnutls;

int main(void) { return memory_credential_test(&mg_stack_gnutls, "client-error:key-mismatch"); }
