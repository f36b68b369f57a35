/* Fuzz target x509_diff: every pair of the stacks with the view entry, see x509_diff.h. */
#include "x509_diff.h"

#include "fuzz_target.h"
#include "stack_tables.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mg_fuzz_x509_diff(mg_fuzz_viewers, mg_fuzz_viewer_count, data, size);
    return 0;
}
