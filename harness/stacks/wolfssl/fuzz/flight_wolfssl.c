/* The wolfSSL flight server: one WOLFSSL_CTX for the process, one WOLFSSL per input over
 * memory callbacks, randomness restarted at MG_FLIGHT_SERVER_SEED for each input (through the
 * deterministic crypto-callback device, pinned_rand_wolfssl.h). TLS 1.2: the client's
 * Certificate comes in plaintext and is parsed and verified before anything the client sends
 * depends on the server's key share. */
#include "flight_wolfssl_internal.h"

#include "det_stream.h"
#include "fixture.h"
#include "fixture_wolfssl.h"
#include "fuzz_require.h"
#include "pinned_rand_wolfssl.h"

#include <string.h>

static int pipe_recv(WOLFSSL *ssl, char *buf, int size, void *ctx)
{
    (void)ssl;
    mg_flight_wolfssl_pipe *p = ctx;
    while (p->part < 2 && p->pos == p->in_len[p->part]) p->part++, p->pos = 0;
    if (p->part == 2)
        return p->close_at_end ? WOLFSSL_CBIO_ERR_CONN_CLOSE : WOLFSSL_CBIO_ERR_WANT_READ;
    size_t n = p->in_len[p->part] - p->pos;
    if (n > (size_t)size) n = (size_t)size;
    memcpy(buf, p->in[p->part] + p->pos, n);
    p->pos += n;
    return (int)n;
}

static int pipe_send(WOLFSSL *ssl, char *buf, int size, void *ctx)
{
    (void)ssl;
    mg_flight_wolfssl_pipe *p = ctx;
    if (p->out != NULL) mg_bytes_append(p->out, buf, (size_t)size);
    return size;
}

static void use_fixture_credential(WOLFSSL_CTX *ctx)
{
    mg_fuzz_check(wolfSSL_CTX_use_certificate_chain_buffer_format(
                      ctx, (const unsigned char *)mg_fixture_server_chain_pem,
                      (long)strlen(mg_fixture_server_chain_pem), WOLFSSL_FILETYPE_PEM) ==
                      WOLFSSL_SUCCESS,
                  "the fixture server chain does not load in wolfSSL");
    mg_fuzz_check(wolfSSL_CTX_use_PrivateKey_buffer(
                      ctx, (const unsigned char *)mg_fixture_server_key_pem,
                      (long)strlen(mg_fixture_server_key_pem), WOLFSSL_FILETYPE_PEM) ==
                      WOLFSSL_SUCCESS,
                  "the fixture server key does not load in wolfSSL");
    mg_fuzz_check(wolfSSL_CTX_load_verify_buffer(
                      ctx, (const unsigned char *)mg_fixture_client_trust_pem,
                      (long)strlen(mg_fixture_client_trust_pem), WOLFSSL_FILETYPE_PEM) ==
                      WOLFSSL_SUCCESS,
                  "the fixture client trust does not load in wolfSSL");
}

WOLFSSL_CTX *mg_flight_wolfssl_ctx(bool server)
{
    mg_fixture_wolfssl_init(); /* wolfSSL_Init and the pinned clock */
    WOLFSSL_CTX *ctx =
        wolfSSL_CTX_new(server ? wolfTLSv1_2_server_method() : wolfTLSv1_2_client_method());
    mg_fuzz_check(ctx != NULL, "wolfSSL_CTX_new failed");
    mg_fuzz_check(wolfSSL_CTX_SetDevId(ctx, mg_pinned_rand_wolfssl_device()) == WOLFSSL_SUCCESS,
                  "wolfSSL_CTX_SetDevId failed");
    wolfSSL_CTX_SetIORecv(ctx, pipe_recv);
    wolfSSL_CTX_SetIOSend(ctx, pipe_send);
    (void)wolfSSL_CTX_set_session_cache_mode(ctx, WOLFSSL_SESS_CACHE_OFF);
    (void)wolfSSL_CTX_NoTicketTLSv12(ctx);
    if (!server) { /* verifies nothing and sends any credential: only its flight matters */
        wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_NONE, NULL);
        return ctx;
    }
    use_fixture_credential(ctx);
    wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_PEER | WOLFSSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
    return ctx;
}

WOLFSSL *mg_flight_wolfssl_session(WOLFSSL_CTX *ctx, mg_flight_wolfssl_pipe *pipe)
{
    WOLFSSL *ssl = wolfSSL_new(ctx);
    mg_fuzz_check(ssl != NULL, "out of memory for a wolfSSL session");
    wolfSSL_SetIOReadCtx(ssl, pipe);
    wolfSSL_SetIOWriteCtx(ssl, pipe);
    return ssl;
}

static bool serve_on(WOLFSSL_CTX *ctx, const uint8_t *flight, size_t len, mg_bytes *server_out)
{
    const mg_bytes *hello = mg_flight_wolfssl_hello();
    mg_pinned_rand_wolfssl(MG_FLIGHT_SERVER_SEED);
    mg_flight_wolfssl_pipe pipe = {.in = {hello->data, flight},
                                   .in_len = {hello->len, flight != NULL ? len : 0},
                                   .close_at_end = true,
                                   .out = server_out};
    WOLFSSL *ssl = mg_flight_wolfssl_session(ctx, &pipe);
    bool completed = wolfSSL_accept(ssl) == WOLFSSL_SUCCESS;
    if (completed) {
        char buf[1024];
        while (wolfSSL_read(ssl, buf, sizeof buf) > 0) continue;
    }
    wolfSSL_free(ssl);
    return completed;
}

bool mg_fuzz_wolfssl_flight_serve(const uint8_t *flight, size_t len, mg_bytes *server_out)
{
    static WOLFSSL_CTX *ctx;
    if (ctx == NULL) {
        ctx = mg_flight_wolfssl_ctx(true);
        /* A context's first handshake draws more random bytes before it signs its
         * ServerKeyExchange than the later ones do (seen as another ECDSA signature, two
         * bytes longer, with the same key share), so one hello is served and thrown away
         * first: the recording and every replay then meet the same server. */
        (void)serve_on(ctx, NULL, 0, NULL);
    }
    return serve_on(ctx, flight, len, server_out);
}

void mg_fuzz_wolfssl_flight(const uint8_t *data, size_t size)
{
    (void)mg_fuzz_wolfssl_flight_serve(data, size, NULL);
}
