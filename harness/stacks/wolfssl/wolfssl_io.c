/* wolfSSL's I/O callbacks over mg_transport, set per WOLFSSL, so one session runs over the
 * in-memory pipe and over TCP alike: WOULD_BLOCK becomes WANT_READ/WANT_WRITE, CLOSED the end
 * of the connection. */
#include "wolfssl_internal.h"

static int on_recv(WOLFSSL *ssl, char *buf, int cap, void *arg)
{
    (void)ssl;
    mg_session *s = arg;
    if (cap <= 0) return 0;
    long n = s->io.recv(s->io.ctx, (uint8_t *)buf, (size_t)cap);
    if (n > 0) return (int)n;
    if (n == MG_TRANSPORT_WOULD_BLOCK) return WOLFSSL_CBIO_ERR_WANT_READ;
    s->transport_closed = true;
    return WOLFSSL_CBIO_ERR_CONN_CLOSE;
}

static int on_send(WOLFSSL *ssl, char *data, int len, void *arg)
{
    (void)ssl;
    mg_session *s = arg;
    if (len <= 0) return 0;
    long n = s->io.send(s->io.ctx, (const uint8_t *)data, (size_t)len);
    if (n > 0) return (int)n;
    if (n == MG_TRANSPORT_WOULD_BLOCK) return WOLFSSL_CBIO_ERR_WANT_WRITE;
    s->transport_closed = true;
    return WOLFSSL_CBIO_ERR_CONN_CLOSE;
}

void mg_wolf_attach_transport(mg_session *s)
{
    wolfSSL_SSLSetIORecv(s->ssl, on_recv);
    wolfSSL_SSLSetIOSend(s->ssl, on_send);
    wolfSSL_SetIOReadCtx(s->ssl, s);
    wolfSSL_SetIOWriteCtx(s->ssl, s);
}
