/* Fuzz target x509_openssl: see x509_read.h for what it reads. */
#include "fuzz_target.h"
#include "x509_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mg_fuzz_x509_openssl(data, size);
    return 0;
}
