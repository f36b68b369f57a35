/* A growable byte buffer: the flights the flight targets and the recorder move around. */
#ifndef MG_FUZZ_BYTES_H
#define MG_FUZZ_BYTES_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint8_t *data;
    size_t len, cap;
} mg_bytes;

/* Appends (aborts when out of memory: only the harness uses this). */
void mg_bytes_append(mg_bytes *bytes, const void *data, size_t len);
void mg_bytes_free(mg_bytes *bytes);

#endif
