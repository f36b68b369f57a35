/* This stack takes a credential's certificates and key from memory: a copy the context owns and
 * wipes, given to wolfSSL_CTX_use_certificate_chain_buffer_format and
 * wolfSSL_CTX_use_PrivateKey_buffer. The checks are memory_credential_fixture.h's. */
#include "memory_credential_fixture.h"

extern const mg_stack mg_stack_wolfssl;

/* wolfSSL 5.5's own key check misses an ECC key of another certificate: the divergence
 * [wolfssl-client-key-check-misses-ecc-mismatch] (scenarios/divergences/wolfssl.ini), the same
 * from memory as from a file. */
int main(void)
{
    return memory_credential_test(&mg_stack_wolfssl, "server-rejects:bad-signature");
}
