/* Tables of the enabled stacks that have an entry point, for the code that loops over
 * stacks: the differential target (every view) and the seed maker (every flight). Each is
 * made from a list fuzz/CMakeLists.txt writes from MTLSGRID_STACKS and each stack's
 * fuzz.cmake (stacks_with_ENTRY.h: one MG_FUZZ_STACK(name) line per stack), and names each
 * stack by the registry's mg_stack, so no stack is named here. */
#ifndef MG_FUZZ_STACK_TABLES_H
#define MG_FUZZ_STACK_TABLES_H

#include "flight.h"
#include "stack.h"
#include "x509_diff.h"

/* Every stack with the view entry, in registration order. */
extern const mg_x509_named_viewer mg_fuzz_viewers[];
extern const size_t mg_fuzz_viewer_count;

/* A stack with the flight entry: its server and recorder. */
typedef struct {
    const mg_stack *stack;
    mg_flight_record_fn *record;
    mg_flight_serve_fn *serve;
} mg_fuzz_flight_stack;

/* Every stack with the flight entry, in registration order. */
extern const mg_fuzz_flight_stack mg_fuzz_flight_stacks[];
extern const size_t mg_fuzz_flight_stack_count;

#endif
