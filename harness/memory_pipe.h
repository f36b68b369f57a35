/* Two byte queues joined back to back: the in-memory transport of the matrix. Each end is an
 * mg_transport; a read of an empty queue would block, a closed peer reads as closed. */
#ifndef MG_MEMORY_PIPE_H
#define MG_MEMORY_PIPE_H

#include "transport.h"

#include <stdbool.h>

typedef struct {
    /* Called for every chunk written; from_client tells the direction. */
    void (*on_bytes)(void *ctx, bool from_client, const uint8_t *data, size_t len);
    void *ctx;
} mg_pipe_tap;

typedef struct {
    uint8_t *data;
    size_t len, cap, start;
    bool closed;
} mg_byte_queue;

typedef struct mg_memory_pipe mg_memory_pipe;

typedef struct {
    mg_memory_pipe *pipe;
    bool is_client;
} mg_pipe_end;

struct mg_memory_pipe {
    mg_byte_queue to_server, to_client;
    mg_pipe_end client_end, server_end;
    const mg_pipe_tap *tap;
    size_t bytes_moved; /* pushed plus popped: lets the driver see a stalled connection */
};

void mg_memory_pipe_init(mg_memory_pipe *pipe, const mg_pipe_tap *tap);
void mg_memory_pipe_free(mg_memory_pipe *pipe);

/* The transport for one end; valid while the pipe lives. */
mg_transport mg_memory_pipe_client(mg_memory_pipe *pipe);
mg_transport mg_memory_pipe_server(mg_memory_pipe *pipe);

/* Marks the stream from this end as finished (its peer then reads closed once drained). */
void mg_memory_pipe_close(mg_memory_pipe *pipe, bool from_client);

#endif
