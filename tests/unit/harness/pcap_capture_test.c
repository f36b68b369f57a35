/* A real case captured: the first registered stack that logs keys as client, the last as
 * server (two different stacks when the build has two), TLS 1.3, both logging keys. Each
 * direction's TCP payload, joined in sequence order, is a whole number of TLS records (so the
 * capture lost, reordered or duplicated nothing), the client's starts with the ClientHello,
 * and the key log names that ClientHello's random. An unwritable capture path fails, naming
 * it. */
#include "mg_test.h"

#include "registry.h"
#include "capture_pair.h"
#include "test_matrix.h"
#include "manifest.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>


typedef struct {
    uint8_t bytes[2][65536]; /* [0] client to server, [1] server to client */
    size_t len[2];
} streams;

static uint32_t le32(const uint8_t *p)
{
    return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Joins each direction's payload; false when the file is not what the writer makes. */
static bool read_streams(const char *path, streams *s)
{
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    static uint8_t buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    for (size_t at = 24; at + 16 <= n;) {
        size_t len = le32(buf + at + 8);
        const uint8_t *tcp = buf + at + 16 + 34;
        size_t header = (size_t)(tcp[12] >> 4) * 4, payload = len - 34 - header;
        int dir = (tcp[0] << 8 | tcp[1]) == 443; /* from the server's port */
        if (at + 16 + len > n || s->len[dir] + payload > sizeof s->bytes[dir]) return false;
        memcpy(s->bytes[dir] + s->len[dir], tcp + header, payload);
        s->len[dir] += payload;
        at += 16 + len;
    }
    return true;
}

/* True when the bytes are TLS records end to end. */
static bool whole_records(const uint8_t *p, size_t len)
{
    size_t at = 0;
    while (at + 5 <= len && p[at] >= 20 && p[at] <= 23 && p[at + 1] == 3)
        at += 5 + (size_t)(p[at + 3] << 8 | p[at + 4]);
    return at == len && len > 0;
}

static bool keylog_names(const char *path, const uint8_t *random)
{
    char hex[65], line[512];
    for (int i = 0; i < 32; i++) snprintf(hex + 2 * i, 3, "%02x", random[i]);
    FILE *f = fopen(path, "r");
    int found = 0;
    while (f && fgets(line, sizeof line, f))
        found += strncmp(line, "CLIENT_HANDSHAKE_TRAFFIC_SECRET ", 32) == 0 && strstr(line, hex);
    if (f) fclose(f);
    return found >= 1;
}

/* The first (or last) registered stack that can log keys in TLS 1.3. */
static const mg_stack *keylogging_stack(bool last)
{
    const mg_stack *found = NULL;
    for (const mg_stack *const *s = mg_stacks; *s; s++)
        if (((*s)->caps & (MG_CAP_KEYLOG | MG_CAP_TLS13)) == (MG_CAP_KEYLOG | MG_CAP_TLS13) &&
            (last || !found))
            found = *s;
    return found;
}

int main(void)
{
    const mg_stack *client_stack = keylogging_stack(false), *server_stack = keylogging_stack(true);
    CHECK(client_stack && server_stack);
    char dir[4096], pcap[4200], keylog[4200];
    bool scratch = mg_test_scratch("pcap", dir, sizeof dir);
    snprintf(pcap, sizeof pcap, "%s/capture.pcap", dir);
    snprintf(keylog, sizeof keylog, "%s/capture.keylog", dir);
    mg_manifest m = {0};
    bool ready = scratch && mg_test_matrix_load(&m);
    CHECK(ready);
    const mg_artifact *server = ready ? mg_manifest_find(&m, "server") : NULL;
    const mg_artifact *client = ready ? mg_manifest_find(&m, "client") : NULL;
    CHECK(server && client);
    if (server && client && client_stack && server_stack) {
        mg_side_config c = {.role = MG_ROLE_CLIENT, .tls = MG_TLS13,
                            .credential = {client->chain_pem, client->key_pem, NULL, NULL},
                            .trust_file = mg_manifest_find(&m, "server-root")->cert_pem,
                            .server_name = "server.test", .pin_time = true,
                            .verify_time = m.reference_time,
                            .keylog_file = keylog};
        mg_side_config s = {.role = MG_ROLE_SERVER, .tls = MG_TLS13,
                            .credential = {server->chain_pem, server->key_pem, NULL, NULL},
                            .trust_file = mg_manifest_find(&m, "client-root")->cert_pem,
                            .peer_check = MG_PEER_REQUIRED, .pin_time = true,
                            .verify_time = m.reference_time,
                            .keylog_file = keylog};
        mg_pair_result r;
        CHECK(mg_ok(mg_capture_pair(client_stack, &c, server_stack, &s, pcap, &r)));
        CHECK(r.verdict.kind == MG_VERDICT_OK);
        static streams st;
        CHECK(read_streams(pcap, &st));
        CHECK(whole_records(st.bytes[0], st.len[0]) && whole_records(st.bytes[1], st.len[1]));
        CHECK(st.len[0] > 11 + 32 && st.bytes[0][0] == 22 && st.bytes[0][5] == 1); /* ClientHello */
        CHECK(st.len[1] > 5 && st.bytes[1][0] == 22 && st.bytes[1][5] == 2);       /* ServerHello */
        CHECK(st.len[0] > 43 && keylog_names(keylog, st.bytes[0] + 11));
        mg_result bad = mg_capture_pair(client_stack, &c, server_stack, &s,
                                        "/nonexistent-dir/c.pcap", &r);
        CHECK(!mg_ok(bad) && strstr(mg_error_message(), "/nonexistent-dir/c.pcap"));
    }
    if (ready) mg_manifest_free(&m);
    if (scratch) mg_test_scratch_remove(dir);
    TEST_END();
}
