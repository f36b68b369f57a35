#include "pcap_writer.h"

#include "pcap_frame.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define PCAP_LINKTYPE_ETHERNET 1
#define PACKET_SPACING_USEC 100 /* keeps packets apart and in order in Wireshark's timeline */

static void put_le32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}

static void write_bytes(mg_pcap_writer *w, const uint8_t *data, size_t len)
{
    if (!w->write_errno && fwrite(data, 1, len, w->file) != len)
        w->write_errno = errno ? errno : EIO;
}

static void write_file_header(mg_pcap_writer *w)
{
    uint8_t h[24] = {0};
    put_le32(h, 0xa1b2c3d4);      /* microsecond timestamps */
    h[4] = 2, h[6] = 4;           /* version 2.4 */
    put_le32(h + 16, 262144);     /* snaplen */
    put_le32(h + 20, PCAP_LINKTYPE_ETHERNET);
    write_bytes(w, h, sizeof h);
}

/* One packet from end `from` (0 client, 1 server) carrying len bytes. */
static void write_packet(mg_pcap_writer *w, int from, uint8_t flags, const uint8_t *data,
                         size_t len)
{
    int to = 1 - from;
    mg_tcp_segment seg = {
        .src_port = w->port[from],
        .dst_port = w->port[to],
        .seq = w->next_seq[from],
        .ack = (flags & MG_TCP_ACK) ? w->next_seq[to] : 0,
        .flags = flags,
        .ip_id = w->ip_id++,
        .mss_option = (flags & MG_TCP_SYN) != 0,
    };
    size_t frame_len = mg_pcap_frame(&seg, data, len, w->frame);
    uint8_t rec[16];
    put_le32(rec, (uint32_t)(w->usec / 1000000));
    put_le32(rec + 4, (uint32_t)(w->usec % 1000000));
    put_le32(rec + 8, (uint32_t)frame_len);
    put_le32(rec + 12, (uint32_t)frame_len);
    write_bytes(w, rec, sizeof rec);
    write_bytes(w, w->frame, frame_len);
    w->usec += PACKET_SPACING_USEC;
    /* SYN and FIN take one sequence number each, data its length. */
    w->next_seq[from] += (uint32_t)len + ((flags & (MG_TCP_SYN | MG_TCP_FIN)) ? 1 : 0);
}

mg_result mg_pcap_open(mg_pcap_writer *w, const char *path, int64_t start_usec)
{
    memset(w, 0, sizeof *w);
    w->path = path;
    w->usec = start_usec;
    w->port[0] = (uint16_t)(49152 + (uint64_t)start_usec / 1000 % 16000); /* an ephemeral port */
    w->port[1] = MG_PCAP_SERVER_PORT;
    w->next_seq[0] = (uint32_t)((uint64_t)start_usec * 2654435761u); /* initial sequence numbers */
    w->next_seq[1] = w->next_seq[0] ^ 0x5bd1e995u;
    w->frame = malloc(MG_FRAME_HEADER_MAX + MG_TCP_SEGMENT_MAX);
    MG_ENSURE(w->frame, MG_E_INTERNAL, "out of memory");
    mg_result r = mg_atomic_open(&w->out, path);
    if (!mg_ok(r)) {
        free(w->frame);
        w->frame = NULL;
        return r;
    }
    w->file = w->out.file;
    write_file_header(w);
    write_packet(w, 0, MG_TCP_SYN, NULL, 0);
    write_packet(w, 1, MG_TCP_SYN | MG_TCP_ACK, NULL, 0);
    write_packet(w, 0, MG_TCP_ACK, NULL, 0);
    return MG_OK;
}

void mg_pcap_data(mg_pcap_writer *w, bool from_client, const uint8_t *data, size_t len)
{
    if (!w->file) return;
    while (len > 0) {
        size_t n = len < MG_TCP_SEGMENT_MAX ? len : MG_TCP_SEGMENT_MAX;
        write_packet(w, from_client ? 0 : 1, MG_TCP_PSH | MG_TCP_ACK, data, n);
        data += n, len -= n;
    }
}

static void on_bytes(void *ctx, bool from_client, const uint8_t *data, size_t len)
{
    mg_pcap_data(ctx, from_client, data, len);
}

mg_pipe_tap mg_pcap_tap(mg_pcap_writer *w) { return (mg_pipe_tap){on_bytes, w}; }

mg_result mg_pcap_close(mg_pcap_writer *w)
{
    if (!w->file) return MG_OK;
    write_packet(w, 0, MG_TCP_FIN | MG_TCP_ACK, NULL, 0);
    write_packet(w, 1, MG_TCP_FIN | MG_TCP_ACK, NULL, 0);
    write_packet(w, 0, MG_TCP_ACK, NULL, 0);
    w->file = NULL;
    free(w->frame);
    w->frame = NULL;
    if (w->write_errno) {
        mg_atomic_abandon(&w->out);
        return mg_fail(MG_E_IO, "%s: cannot write: %s", w->path, strerror(w->write_errno));
    }
    return mg_atomic_commit(&w->out);
}
