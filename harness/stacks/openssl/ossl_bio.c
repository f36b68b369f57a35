/* A BIO over mg_transport, so one SSL runs over the in-memory pipe and over TCP alike:
 * WOULD_BLOCK becomes a retry (SSL_ERROR_WANT_READ/WRITE), CLOSED becomes end of stream. */
#include "ossl_internal.h"

#include <openssl/crypto.h>

static BIO_METHOD *transport_method;
static CRYPTO_ONCE transport_method_once = CRYPTO_ONCE_STATIC_INIT;

static int transport_write(BIO *bio, const char *data, int len)
{
    const mg_transport *io = BIO_get_data(bio);
    BIO_clear_retry_flags(bio);
    if (len <= 0) return 0;
    long n = io->send(io->ctx, (const uint8_t *)data, (size_t)len);
    if (n == MG_TRANSPORT_WOULD_BLOCK) BIO_set_retry_write(bio);
    return n > 0 ? (int)n : -1;
}

static int transport_read(BIO *bio, char *buf, int cap)
{
    const mg_transport *io = BIO_get_data(bio);
    BIO_clear_retry_flags(bio);
    if (cap <= 0) return 0;
    long n = io->recv(io->ctx, (uint8_t *)buf, (size_t)cap);
    if (n == MG_TRANSPORT_WOULD_BLOCK) {
        BIO_set_retry_read(bio);
        return -1;
    }
    return n > 0 ? (int)n : 0; /* CLOSED: end of stream */
}

/* Nothing is buffered here, so a flush always succeeds; other controls are not supported. */
static long transport_ctrl(BIO *bio, int cmd, long num, void *ptr)
{
    (void)bio, (void)num, (void)ptr;
    return cmd == BIO_CTRL_FLUSH ? 1 : 0;
}

static void make_method(void)
{
    BIO_METHOD *m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "mg_transport");
    if (m && BIO_meth_set_write(m, transport_write) && BIO_meth_set_read(m, transport_read) &&
        BIO_meth_set_ctrl(m, transport_ctrl)) {
        transport_method = m;
        return;
    }
    BIO_meth_free(m);
}

BIO *mg_ossl_bio_new(const mg_transport *io)
{
    if (!CRYPTO_THREAD_run_once(&transport_method_once, make_method) || !transport_method)
        return NULL;
    BIO *bio = BIO_new(transport_method);
    if (!bio) return NULL;
    BIO_set_data(bio, (void *)io);
    BIO_set_init(bio, 1);
    return bio;
}
