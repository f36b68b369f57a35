/* The body of the scenario target: this project's INI scenario loader
 * (scenarios/scenario.h) on a file with the input's bytes, read both as a catalogue file
 * (mg_scenarios_load_file) and as a divergence file (mg_divergences_load_file), then the
 * artifact check and the lookups over what loaded. Whatever the bytes, loading either
 * succeeds or fails with a message; a failure whose message is empty aborts (the loader
 * promises to name the file and the problem). */
#ifndef MG_SCENARIO_READ_H
#define MG_SCENARIO_READ_H

#include <stddef.h>
#include <stdint.h>

void mg_fuzz_scenarios(const uint8_t *data, size_t size);

#endif
