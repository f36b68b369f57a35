#include "det_stream.h"

#include <string.h>

void mg_det_stream_seed(mg_det_stream *stream, uint64_t seed) { stream->state = seed; }

static uint64_t next_word(mg_det_stream *stream)
{
    uint64_t z = (stream->state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

void mg_det_stream_fill(mg_det_stream *stream, void *buf, size_t len)
{
    unsigned char *out = buf;
    while (len > 0) {
        uint64_t word = next_word(stream);
        size_t n = len < sizeof word ? len : sizeof word;
        memcpy(out, &word, n);
        out += n;
        len -= n;
    }
}
