/* One captured packet as a loopback capture on Linux shows it: an Ethernet header with zero
 * addresses, IPv4 from 127.0.0.1 to 127.0.0.1, then TCP, with correct checksums, so Wireshark
 * and tshark dissect (and reassemble) it like any real capture. */
#ifndef MG_PCAP_FRAME_H
#define MG_PCAP_FRAME_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { MG_TCP_FIN = 0x01, MG_TCP_SYN = 0x02, MG_TCP_PSH = 0x08, MG_TCP_ACK = 0x10 };

typedef struct {
    uint16_t src_port, dst_port;
    uint32_t seq, ack;
    uint8_t flags;       /* MG_TCP_* */
    uint16_t ip_id;      /* IPv4 identification, one per packet */
    bool mss_option;     /* SYN and SYN-ACK announce a maximum segment size */
} mg_tcp_segment;

#define MG_FRAME_HEADER_MAX (14 + 20 + 24)
/* Largest payload per segment: within the IPv4 length field and the MSS the SYN announces. */
#define MG_TCP_SEGMENT_MAX 32768
#define MG_TCP_MSS 65495

/* Writes headers then payload into out (room for MG_FRAME_HEADER_MAX + len bytes); returns the
 * frame's length. len must not exceed MG_TCP_SEGMENT_MAX. */
size_t mg_pcap_frame(const mg_tcp_segment *seg, const uint8_t *payload, size_t len, uint8_t *out);

/* The Internet checksum (RFC 1071) over data, continuing from a partial sum. */
uint32_t mg_inet_sum(uint32_t sum, const uint8_t *data, size_t len);
uint16_t mg_inet_fold(uint32_t sum);

#endif
