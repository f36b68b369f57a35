#include "pcap_frame.h"

#include <string.h>

static void put16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
    put16(p, (uint16_t)(v >> 16));
    put16(p + 2, (uint16_t)v);
}

uint32_t mg_inet_sum(uint32_t sum, const uint8_t *data, size_t len)
{
    for (size_t i = 0; i + 1 < len; i += 2) sum += (uint32_t)(data[i] << 8 | data[i + 1]);
    if (len & 1) sum += (uint32_t)data[len - 1] << 8;
    return sum;
}

uint16_t mg_inet_fold(uint32_t sum)
{
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

static const uint8_t loopback[4] = {127, 0, 0, 1};

static size_t put_tcp(const mg_tcp_segment *seg, const uint8_t *payload, size_t len, uint8_t *tcp)
{
    size_t header = seg->mss_option ? 24 : 20;
    memset(tcp, 0, header);
    put16(tcp, seg->src_port);
    put16(tcp + 2, seg->dst_port);
    put32(tcp + 4, seg->seq);
    put32(tcp + 8, seg->ack);
    tcp[12] = (uint8_t)((header / 4) << 4);
    tcp[13] = seg->flags;
    put16(tcp + 14, 65535); /* window */
    if (seg->mss_option) {
        tcp[20] = 2, tcp[21] = 4; /* kind MSS, length 4 */
        put16(tcp + 22, MG_TCP_MSS);
    }
    if (len) memcpy(tcp + header, payload, len);
    uint8_t pseudo[12];
    memcpy(pseudo, loopback, 4);
    memcpy(pseudo + 4, loopback, 4);
    pseudo[8] = 0, pseudo[9] = 6; /* protocol TCP */
    put16(pseudo + 10, (uint16_t)(header + len));
    uint32_t sum = mg_inet_sum(mg_inet_sum(0, pseudo, sizeof pseudo), tcp, header + len);
    put16(tcp + 16, mg_inet_fold(sum));
    return header + len;
}

size_t mg_pcap_frame(const mg_tcp_segment *seg, const uint8_t *payload, size_t len, uint8_t *out)
{
    memset(out, 0, 12); /* Ethernet: zero destination and source, as on lo */
    put16(out + 12, 0x0800);
    uint8_t *ip = out + 14;
    size_t tcp_len = put_tcp(seg, payload, len, ip + 20);
    memset(ip, 0, 20);
    ip[0] = 0x45;
    put16(ip + 2, (uint16_t)(20 + tcp_len));
    put16(ip + 4, seg->ip_id);
    ip[6] = 0x40; /* don't fragment */
    ip[8] = 64;   /* TTL */
    ip[9] = 6;
    memcpy(ip + 12, loopback, 4);
    memcpy(ip + 16, loopback, 4);
    put16(ip + 10, mg_inet_fold(mg_inet_sum(0, ip, 20)));
    return 14 + 20 + tcp_len;
}
