/* mg_fuzz_flight_stacks: every stack with the flight entry (stacks_with_flight.h, written at
 * configure time), each with its registry entry (for its name). */
#include "stack_tables.h"

#define MG_FUZZ_STACK(name)                                                                        \
    extern const mg_stack mg_stack_##name;                                                         \
    mg_flight_record_fn mg_fuzz_##name##_flight_record;                                            \
    mg_flight_serve_fn mg_fuzz_##name##_flight_serve;
#include "stacks_with_flight.h"
#undef MG_FUZZ_STACK

const mg_fuzz_flight_stack mg_fuzz_flight_stacks[] = {
#define MG_FUZZ_STACK(name)                                                                        \
    {&mg_stack_##name, mg_fuzz_##name##_flight_record, mg_fuzz_##name##_flight_serve},
#include "stacks_with_flight.h"
#undef MG_FUZZ_STACK
    {NULL, NULL, NULL},
};
const size_t mg_fuzz_flight_stack_count =
    sizeof mg_fuzz_flight_stacks / sizeof *mg_fuzz_flight_stacks - 1;
