/* Fuzz target credential_gnutls: the GnuTLS backend's credential loader, see
 * credential_load.h. */
#include "registry.h"

extern const mg_stack mg_stack_gnutls;
#include "credential_load.h"
#include "fuzz_target.h"
#include "pkcs12_work_gnutls.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mg_fuzz_credential(&mg_stack_gnutls, mg_pkcs12_gnutls_within_bound, data, size);
    return 0;
}
