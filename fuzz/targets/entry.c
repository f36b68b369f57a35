/* One stack's fuzz entry point as a target: fuzz/CMakeLists.txt builds this file once per
 * line of targets.list per stack that has the entry, with -DMG_FUZZ_ENTRY=mg_fuzz_STACK_ENTRY
 * (fuzz_entry.h says what each entry does). */
#include "fuzz_entry.h"
#include "fuzz_target.h"

#ifndef MG_FUZZ_ENTRY
#error "build with -DMG_FUZZ_ENTRY=mg_fuzz_<stack>_<entry> (fuzz/CMakeLists.txt does)"
#endif

MG_FUZZ_ENTRY_POINT(MG_FUZZ_ENTRY);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    MG_FUZZ_ENTRY(data, size);
    return 0;
}
