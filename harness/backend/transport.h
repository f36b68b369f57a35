/* A byte stream between two TLS endpoints. Backends read and write only through this, so the
 * same backend runs over the in-memory pair (the matrix) and over TCP (serve / connect). */
#ifndef MG_TRANSPORT_H
#define MG_TRANSPORT_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    void *ctx;
    /* Both return the number of bytes moved (> 0), MG_TRANSPORT_WOULD_BLOCK when nothing can
     * move now, or MG_TRANSPORT_CLOSED when the stream is over or broken. */
    long (*send)(void *ctx, const uint8_t *data, size_t len);
    long (*recv)(void *ctx, uint8_t *buf, size_t cap);
} mg_transport;

#define MG_TRANSPORT_WOULD_BLOCK 0L
#define MG_TRANSPORT_CLOSED (-1L)

#endif
