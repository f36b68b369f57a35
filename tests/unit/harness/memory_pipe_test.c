/* The in-memory transport: ordered bytes each way, would-block when empty, closed when the
 * peer closed and the queue is drained, and the tap sees each chunk with its direction. */
#include "memory_pipe.h"
#include "mg_test.h"

static size_t tapped_from_client, tapped_from_server;

static void tap_bytes(void *ctx, bool from_client, const uint8_t *data, size_t len)
{
    (void)ctx, (void)data;
    *(from_client ? &tapped_from_client : &tapped_from_server) += len;
}

int main(void)
{
    mg_pipe_tap tap = {tap_bytes, NULL};
    mg_memory_pipe pipe;
    mg_memory_pipe_init(&pipe, &tap);
    mg_transport c = mg_memory_pipe_client(&pipe), s = mg_memory_pipe_server(&pipe);
    uint8_t buf[100000];
    CHECK(s.recv(s.ctx, buf, sizeof buf) == MG_TRANSPORT_WOULD_BLOCK);
    CHECK(c.send(c.ctx, (const uint8_t *)"hello", 5) == 5);
    CHECK(s.recv(s.ctx, buf, 3) == 3 && memcmp(buf, "hel", 3) == 0);
    CHECK(s.recv(s.ctx, buf, sizeof buf) == 2 && memcmp(buf, "lo", 2) == 0);
    static uint8_t big[70000];
    for (size_t i = 0; i < sizeof big; i++) big[i] = (uint8_t)i;
    CHECK(s.send(s.ctx, big, sizeof big) == (long)sizeof big); /* grows past the first buffer */
    CHECK(c.recv(c.ctx, buf, sizeof buf) == (long)sizeof big && memcmp(buf, big, sizeof big) == 0);
    CHECK(tapped_from_client == 5 && tapped_from_server == sizeof big);
    c.send(c.ctx, (const uint8_t *)"x", 1);
    mg_memory_pipe_close(&pipe, true);
    CHECK(s.recv(s.ctx, buf, sizeof buf) == 1);
    CHECK(s.recv(s.ctx, buf, sizeof buf) == MG_TRANSPORT_CLOSED);
    CHECK(c.send(c.ctx, (const uint8_t *)"y", 1) == MG_TRANSPORT_CLOSED);
    mg_memory_pipe_free(&pipe);
    TEST_END();
}
