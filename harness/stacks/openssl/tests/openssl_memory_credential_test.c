/* This stack takes a credential's certificates and key from memory: a memory BIO (BIO_new_mem_buf)
 * read by the same PEM/DER readers as a file. The checks are memory_credential_fixture.h's. */
#include "memory_credential_fixture.h"

extern const mg_stack mg_stack_openssl;

int main(void) { return memory_credential_test(&mg_stack_openssl, "client-error:key-mismatch"); }
