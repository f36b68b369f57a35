/* The libFuzzer entry points every target defines. The same file builds either against
 * libFuzzer (-fsanitize=fuzzer) or against replay_main.c, which feeds saved inputs to it. */
#ifndef MG_FUZZ_TARGET_H
#define MG_FUZZ_TARGET_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
