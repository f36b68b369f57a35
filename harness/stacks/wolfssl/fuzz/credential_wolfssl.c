/* The credential entry: the wolfSSL backend's credential loader, see credential_load.h. */
#include "wolfssl_fuzz.h"

#include "credential_load.h"
#include "pkcs12_work_wolfssl.h"

extern const mg_stack mg_stack_wolfssl;

void mg_fuzz_wolfssl_credential(const uint8_t *data, size_t size)
{
    mg_fuzz_credential(&mg_stack_wolfssl, mg_pkcs12_wolfssl_within_bound, data, size);
}
