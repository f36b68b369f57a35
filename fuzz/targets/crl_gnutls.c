/* Fuzz target crl_gnutls: see revocation_read.h for what it reads. */
#include "fuzz_target.h"
#include "revocation_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mg_fuzz_crl_gnutls(data, size);
    return 0;
}
