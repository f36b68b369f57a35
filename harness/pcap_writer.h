/* A classic pcap file (Ethernet link type) holding one TCP connection on loopback: the
 * three-way handshake, each chunk the memory pipe's tap saw as data segments with running
 * sequence numbers, then the FIN exchange, so Wireshark reassembles the TLS records. */
#ifndef MG_PCAP_WRITER_H
#define MG_PCAP_WRITER_H

#include "atomic_file.h"
#include "memory_pipe.h"
#include "mg_result.h"

#include <stdint.h>
#include <stdio.h>

typedef struct {
    FILE *file;           /* out.file while open */
    mg_atomic_file out;   /* renamed into place by mg_pcap_close when every write succeeded */
    const char *path;     /* for messages; owned by the caller */
    uint16_t port[2];     /* [0] client, [1] server */
    uint32_t next_seq[2]; /* the next sequence number each end sends */
    uint16_t ip_id;
    int64_t usec;         /* the next packet's timestamp, microseconds since the epoch */
    int write_errno;      /* first write error, reported by mg_pcap_close (taps return void) */
    uint8_t *frame;       /* one frame's buffer */
} mg_pcap_writer;

#define MG_PCAP_SERVER_PORT 443 /* Wireshark dissects TLS on 443 without being told */

/* Creates path (mode 0644; a temporary beside it until closed) and writes the file header and
 * the TCP three-way handshake; the first packet is stamped start_usec. */
MG_RESULT mg_pcap_open(mg_pcap_writer *w, const char *path, int64_t start_usec);

/* Appends one chunk as data segments from that end (split at MG_TCP_SEGMENT_MAX). */
void mg_pcap_data(mg_pcap_writer *w, bool from_client, const uint8_t *data, size_t len);

/* A tap that feeds the writer (w must outlive the pipe). */
mg_pipe_tap mg_pcap_tap(mg_pcap_writer *w);

/* Writes the FIN exchange, closes the file, and reports any write error naming the file. */
MG_RESULT mg_pcap_close(mg_pcap_writer *w);

#endif
