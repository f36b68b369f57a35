/* A deterministic byte stream (SplitMix64): the "randomness" handed to a TLS server under
 * fuzzing, so that its flight is the same on every run and a recorded client flight stays
 * valid. Never for anything but fuzzing. */
#ifndef MG_DET_STREAM_H
#define MG_DET_STREAM_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint64_t state;
} mg_det_stream;

void mg_det_stream_seed(mg_det_stream *stream, uint64_t seed);
void mg_det_stream_fill(mg_det_stream *stream, void *buf, size_t len);

/* The seeds the flight targets and the recorder agree on. */
#define MG_FLIGHT_CLIENT_SEED UINT64_C(0x6d746c73636c6e74) /* the client that says hello */
#define MG_FLIGHT_SERVER_SEED UINT64_C(0x6d746c7373727672) /* the server under test */

#endif
