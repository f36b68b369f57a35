/* handshake.pcap and keylog.txt: the case driven in memory by its own two stacks, every byte
 * captured as TCP on loopback, both sides logging their secrets in NSS key log form (each
 * side logs what it derived, so a handshake that one side aborts still decrypts). */
#include "capture_pair.h"
#include "mg_strings.h"
#include "path_join.h"
#include "repro_bundle.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Both sides log the same secrets; keep each line once, in order. */
static MG_RESULT dedupe_lines(const char *path)
{
    FILE *f = fopen(path, "r");
    MG_ENSURE(f, MG_E_IO, "%s: cannot read: %s", path, strerror(errno));
    mg_strings lines = {0};
    char line[1024];
    mg_result r = MG_OK;
    while (mg_ok(r) && fgets(line, sizeof line, f))
        if (!mg_strings_contains(&lines, line)) r = mg_strings_add(&lines, line);
    fclose(f);
    size_t total = 0;
    for (size_t i = 0; mg_ok(r) && i < lines.count; i++) total += strlen(lines.items[i]);
    char *text = mg_ok(r) ? calloc(total + 1, 1) : NULL;
    if (mg_ok(r) && !text) r = mg_fail(MG_E_INTERNAL, "out of memory");
    for (size_t i = 0, at = 0; text && i < lines.count; i++) {
        size_t n = strlen(lines.items[i]);
        memcpy(text + at, lines.items[i], n);
        at += n;
    }
    if (text) r = mg_repro_write_text(path, text, 0600);
    free(text);
    mg_strings_free(&lines);
    return r;
}

mg_result mg_repro_capture(mg_repro_bundle *b)
{
    char pcap[4096], keylog[4096];
    MG_GUARD(mg_path_join(pcap, sizeof pcap, b->dir, "handshake.pcap"));
    MG_GUARD(mg_path_join(keylog, sizeof keylog, b->dir, "keylog.txt"));
    MG_GUARD(mg_repro_write_text(keylog, "", 0600)); /* the stacks append */
    mg_side_config client = *b->rc->c->client, server = *b->rc->c->server;
    client.keylog_file = server.keylog_file = keylog;
    MG_GUARD(mg_capture_pair(b->rc->c->client_stack, &client, b->rc->c->server_stack, &server,
                             pcap, &b->seen));
    return dedupe_lines(keylog);
}
