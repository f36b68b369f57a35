/* The capture writer: a pcap a reader can walk, the TCP open and close, data segments split
 * at the segment limit with sequence numbers that continue where the last one ended, and IPv4
 * and TCP checksums that verify. */
#include "mg_test.h"
#include "pcap_frame.h"
#include "pcap_writer.h"

#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static uint32_t le32(const uint8_t *p)
{
    return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}
static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}
static uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }

typedef struct {
    uint8_t flags;
    uint16_t src_port;
    uint32_t seq, ack;
    size_t payload;
    int checksums_ok;
} packet;

static int checksums_ok(const uint8_t *frame, size_t len)
{
    const uint8_t *ip = frame + 14;
    if (mg_inet_fold(mg_inet_sum(0, ip, 20)) != 0) return 0;
    size_t tcp_len = len - 34;
    uint8_t pseudo[12] = {127, 0, 0, 1, 127, 0, 0, 1, 0, 6, (uint8_t)(tcp_len >> 8),
                          (uint8_t)tcp_len};
    return mg_inet_fold(mg_inet_sum(mg_inet_sum(0, pseudo, 12), ip + 20, tcp_len)) == 0;
}

/* Reads every packet; returns the count (at most cap), -1 on a malformed file. */
static int read_capture(const char *path, packet *out, int cap)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    static uint8_t buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    if (n < 24 || le32(buf) != 0xa1b2c3d4 || le32(buf + 20) != 1) return -1;
    int count = 0;
    for (size_t at = 24; at < n && count < cap; count++) {
        size_t len = le32(buf + at + 8);
        const uint8_t *frame = buf + at + 16;
        if (at + 16 + len > n || be16(frame + 12) != 0x0800) return -1;
        const uint8_t *tcp = frame + 34;
        size_t header = (size_t)(tcp[12] >> 4) * 4;
        out[count] = (packet){tcp[13], be16(tcp), be32(tcp + 4), be32(tcp + 8),
                              len - 34 - header, checksums_ok(frame, len)};
        at += 16 + len;
    }
    return count;
}

int main(void)
{
    char path[] = "/tmp/mg-pcap-test-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd >= 0) close(fd);
    mg_pcap_writer w;
    CHECK(mg_ok(mg_pcap_open(&w, path, INT64_C(1767225600000000))));
    mg_pipe_tap tap = mg_pcap_tap(&w);
    static uint8_t big[70000];
    tap.on_bytes(tap.ctx, true, (const uint8_t *)"hello", 5);
    tap.on_bytes(tap.ctx, false, big, sizeof big);
    tap.on_bytes(tap.ctx, true, (const uint8_t *)"bye", 3);
    CHECK(mg_ok(mg_pcap_close(&w)));

    packet p[16];
    int n = read_capture(path, p, 16);
    /* SYN, SYN-ACK, ACK, "hello", 3 segments of 70000 bytes, "bye", FIN, FIN, ACK */
    CHECK(n == 11);
    if (n == 11) {
        CHECK(p[0].flags == MG_TCP_SYN && p[1].flags == (MG_TCP_SYN | MG_TCP_ACK));
        CHECK(p[1].ack == p[0].seq + 1 && p[2].seq == p[0].seq + 1 && p[2].ack == p[1].seq + 1);
        CHECK(p[3].payload == 5 && p[3].seq == p[0].seq + 1);
        CHECK(p[4].payload == MG_TCP_SEGMENT_MAX && p[5].payload == MG_TCP_SEGMENT_MAX);
        CHECK(p[6].payload == sizeof big - 2 * MG_TCP_SEGMENT_MAX);
        CHECK(p[4].seq == p[1].seq + 1 && p[5].seq == p[4].seq + MG_TCP_SEGMENT_MAX);
        CHECK(p[4].ack == p[3].seq + 5);
        CHECK(p[7].payload == 3 && p[7].seq == p[3].seq + 5 && p[7].ack == p[6].seq + p[6].payload);
        CHECK(p[8].flags == (MG_TCP_FIN | MG_TCP_ACK) && p[9].flags == (MG_TCP_FIN | MG_TCP_ACK));
        CHECK(p[10].ack == p[9].seq + 1 && p[9].ack == p[8].seq + 1);
        CHECK(p[4].src_port == MG_PCAP_SERVER_PORT && p[3].src_port != MG_PCAP_SERVER_PORT);
        for (int i = 0; i < n; i++) CHECK(p[i].checksums_ok);
    }
    /* An unwritable path fails with the path named, and leaves nothing open. */
    mg_result r = mg_pcap_open(&w, "/nonexistent-dir/x.pcap", 0);
    CHECK(!mg_ok(r) && strstr(mg_error_message(), "/nonexistent-dir/x.pcap") != NULL);
    remove(path);
    TEST_END();
}
