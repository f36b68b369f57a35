/* Fuzz target pkcs12_gnutls: see pkcs12_read.h for what it reads. */
#include "fuzz_target.h"
#include "pkcs12_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mg_fuzz_pkcs12_gnutls(data, size);
    return 0;
}
