/* mg_fuzz_viewers: every stack with the view entry (stacks_with_view.h, written at configure
 * time), each with its registry entry (for its name). */
#include "stack_tables.h"

#define MG_FUZZ_STACK(name)                                                                        \
    extern const mg_stack mg_stack_##name;                                                         \
    extern const mg_x509_viewer mg_fuzz_##name##_view;
#include "stacks_with_view.h"
#undef MG_FUZZ_STACK

const mg_x509_named_viewer mg_fuzz_viewers[] = {
#define MG_FUZZ_STACK(name) {&mg_stack_##name, &mg_fuzz_##name##_view},
#include "stacks_with_view.h"
#undef MG_FUZZ_STACK
    {NULL, NULL},
};
const size_t mg_fuzz_viewer_count = sizeof mg_fuzz_viewers / sizeof *mg_fuzz_viewers - 1;
