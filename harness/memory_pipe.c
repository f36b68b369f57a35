#include "memory_pipe.h"

#include <stdlib.h>
#include <string.h>

static void queue_free(mg_byte_queue *q) { free(q->data); }

/* Appends; on allocation failure the stream is closed, which the TLS side reads as an error. */
static long queue_push(mg_byte_queue *q, const uint8_t *data, size_t len)
{
    if (q->closed) return MG_TRANSPORT_CLOSED;
    if (q->start > 0 && q->start == q->len) q->start = q->len = 0;
    if (q->len + len > q->cap) {
        size_t live = q->len - q->start;
        if (q->start > 0) { /* reuse the consumed front before growing */
            memmove(q->data, q->data + q->start, live);
            q->start = 0;
            q->len = live;
        }
        if (q->len + len > q->cap) {
            size_t cap = q->cap ? q->cap : 16384;
            while (cap < q->len + len) cap *= 2;
            uint8_t *grown = realloc(q->data, cap);
            if (!grown) {
                q->closed = true;
                return MG_TRANSPORT_CLOSED;
            }
            q->data = grown;
            q->cap = cap;
        }
    }
    memcpy(q->data + q->len, data, len);
    q->len += len;
    return (long)len;
}

static long queue_pop(mg_byte_queue *q, uint8_t *buf, size_t cap)
{
    size_t live = q->len - q->start;
    if (live == 0) return q->closed ? MG_TRANSPORT_CLOSED : MG_TRANSPORT_WOULD_BLOCK;
    size_t n = live < cap ? live : cap;
    memcpy(buf, q->data + q->start, n);
    q->start += n;
    return (long)n;
}

static long end_send(void *ctx, const uint8_t *data, size_t len)
{
    mg_pipe_end *end = ctx;
    mg_memory_pipe *p = end->pipe;
    long moved = queue_push(end->is_client ? &p->to_server : &p->to_client, data, len);
    if (moved > 0) p->bytes_moved += (size_t)moved;
    if (moved > 0 && p->tap && p->tap->on_bytes)
        p->tap->on_bytes(p->tap->ctx, end->is_client, data, (size_t)moved);
    return moved;
}

static long end_recv(void *ctx, uint8_t *buf, size_t cap)
{
    mg_pipe_end *end = ctx;
    mg_memory_pipe *p = end->pipe;
    long moved = queue_pop(end->is_client ? &p->to_client : &p->to_server, buf, cap);
    if (moved > 0) p->bytes_moved += (size_t)moved;
    return moved;
}

void mg_memory_pipe_init(mg_memory_pipe *pipe, const mg_pipe_tap *tap)
{
    memset(pipe, 0, sizeof *pipe);
    pipe->tap = tap;
    pipe->client_end = (mg_pipe_end){pipe, true};
    pipe->server_end = (mg_pipe_end){pipe, false};
}

void mg_memory_pipe_free(mg_memory_pipe *pipe)
{
    queue_free(&pipe->to_server);
    queue_free(&pipe->to_client);
}

mg_transport mg_memory_pipe_client(mg_memory_pipe *pipe)
{
    return (mg_transport){&pipe->client_end, end_send, end_recv};
}

mg_transport mg_memory_pipe_server(mg_memory_pipe *pipe)
{
    return (mg_transport){&pipe->server_end, end_send, end_recv};
}

void mg_memory_pipe_close(mg_memory_pipe *pipe, bool from_client)
{
    (from_client ? &pipe->to_server : &pipe->to_client)->closed = true;
}
