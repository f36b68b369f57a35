/* The credential entry: the NSS backend's credential loader, see credential_load.h. A bundle
 * goes through the backend's nss_pkcs12.c, which makes and removes a database per bundle. */
#include "nss_fuzz.h"

#include "credential_load.h"
#include "pkcs12_work_nss.h"

extern const mg_stack mg_stack_nss;

void mg_fuzz_nss_credential(const uint8_t *data, size_t size)
{
    mg_fuzz_credential(&mg_stack_nss, mg_pkcs12_nss_within_bound, data, size);
}
