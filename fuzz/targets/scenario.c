/* Fuzz target scenario: this project's scenario and divergence loader, see scenario_read.h. */
#include "fuzz_target.h"
#include "scenario_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    mg_fuzz_scenarios(data, size);
    return 0;
}
