/* Fuzz target credential_openssl: the OpenSSL backend's credential loader, see
 * credential_load.h. */
#include "registry.h"

extern const mg_stack mg_stack_openssl;
#include "credential_load.h"
#include "fuzz_target.h"
#include "pkcs12_work_openssl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mg_fuzz_credential(&mg_stack_openssl, mg_pkcs12_der_within_bound, data, size);
    return 0;
}
