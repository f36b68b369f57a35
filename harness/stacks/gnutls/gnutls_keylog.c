/* NSS key log lines ("LABEL <client random> <secret>", hex) appended to the context's file,
 * so Wireshark can decrypt a capture of the case. GnuTLS hands over the label in NSS form. */
#include "gnutls_internal.h"

#include <stdio.h>

static void put_hex(FILE *f, const unsigned char *data, size_t len)
{
    for (size_t i = 0; i < len; i++) fprintf(f, "%02x", data[i]);
}

int mg_gnutls_keylog(gnutls_session_t tls, const char *label, const gnutls_datum_t *secret)
{
    mg_gnutls_session *s = gnutls_session_get_ptr(tls);
    gnutls_datum_t client_random = {NULL, 0};
    gnutls_session_get_random(tls, &client_random, NULL);
    FILE *f = fopen(s->ctx->config.keylog_file, "a");
    if (!f) return 0; /* a missing key log must not fail the handshake */
    fprintf(f, "%s ", label);
    put_hex(f, client_random.data, client_random.size);
    fputc(' ', f);
    put_hex(f, secret->data, secret->size);
    fputc('\n', f);
    fclose(f);
    return 0;
}
