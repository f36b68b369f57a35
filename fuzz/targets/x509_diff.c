/* Fuzz target x509_diff: see x509_diff.h for what it reads. */
#include "fuzz_target.h"
#include "x509_diff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mg_fuzz_x509_diff(data, size);
    return 0;
}
