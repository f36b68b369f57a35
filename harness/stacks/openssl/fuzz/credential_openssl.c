/* The credential entry: the OpenSSL backend's credential loader, see credential_load.h. */
#include "openssl_fuzz.h"

#include "credential_load.h"
#include "pkcs12_work_openssl.h"

extern const mg_stack mg_stack_openssl;

void mg_fuzz_openssl_credential(const uint8_t *data, size_t size)
{
    mg_fuzz_credential(&mg_stack_openssl, mg_pkcs12_der_within_bound, data, size);
}
