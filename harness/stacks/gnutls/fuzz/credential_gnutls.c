/* The credential entry: the GnuTLS backend's credential loader, see credential_load.h. */
#include "gnutls_fuzz.h"

#include "credential_load.h"
#include "pkcs12_work_gnutls.h"

extern const mg_stack mg_stack_gnutls;

void mg_fuzz_gnutls_credential(const uint8_t *data, size_t size)
{
    mg_fuzz_credential(&mg_stack_gnutls, mg_pkcs12_gnutls_within_bound, data, size);
}
