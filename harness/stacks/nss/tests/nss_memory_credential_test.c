/* This stack takes a credential's certificates and key from memory: PEM blocks cut out of a copy,
 * the key imported as a session object (PK11_ImportDERPrivateKeyInfoAndReturnKey). The checks are
 * memory_credential_fixture.h's. */
#include "memory_credential_fixture.h"

extern const mg_stack mg_stack_nss;

int main(void) { return memory_credential_test(&mg_stack_nss, "client-error:key-mismatch"); }
