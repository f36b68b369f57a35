/* The client side of the wolfSSL flight: the fixed hello, and the recorder that plays a real
 * client holding a matrix credential against the deterministic server. The credential goes
 * into the session after its hello is written, so every recording starts with the same hello
 * whatever the credential's key type. */
#include "flight_wolfssl_internal.h"

#include "det_stream.h"
#include "pinned_rand_wolfssl.h"

#include <string.h>

WOLFSSL *mg_flight_wolfssl_client_start(WOLFSSL_CTX *ctx, mg_flight_wolfssl_pipe *pipe,
                                        mg_bytes *hello)
{
    mg_pinned_rand_wolfssl(MG_FLIGHT_CLIENT_SEED);
    *pipe = (mg_flight_wolfssl_pipe){.close_at_end = false, .out = hello};
    WOLFSSL *ssl = mg_flight_wolfssl_session(ctx, pipe);
    (void)wolfSSL_connect(ssl); /* writes the hello, then wants to read */
    return ssl;
}

const mg_bytes *mg_flight_wolfssl_hello(void)
{
    static mg_bytes hello;
    if (hello.len == 0) {
        WOLFSSL_CTX *ctx = mg_flight_wolfssl_ctx(false);
        mg_flight_wolfssl_pipe pipe;
        wolfSSL_free(mg_flight_wolfssl_client_start(ctx, &pipe, &hello));
        wolfSSL_CTX_free(ctx);
    }
    return &hello;
}

MG_RESULT mg_fuzz_wolfssl_flight_record(const char *chain_file, const char *key_file,
                                        mg_bytes *flight)
{
    WOLFSSL_CTX *ctx = mg_flight_wolfssl_ctx(false);
    const mg_bytes *fixed = mg_flight_wolfssl_hello();
    mg_bytes hello = {0}, server_flight = {0};
    mg_flight_wolfssl_pipe pipe;
    WOLFSSL *client = mg_flight_wolfssl_client_start(ctx, &pipe, &hello);
    bool same = hello.len == fixed->len && memcmp(hello.data, fixed->data, hello.len) == 0;
    bool loaded =
        wolfSSL_use_certificate_chain_file(client, chain_file) == WOLFSSL_SUCCESS &&
        wolfSSL_use_PrivateKey_file(client, key_file, WOLFSSL_FILETYPE_PEM) == WOLFSSL_SUCCESS;
    if (same && loaded) {
        (void)mg_fuzz_wolfssl_flight_serve(NULL, 0, &server_flight);
        pipe.in[0] = server_flight.data;
        pipe.in_len[0] = server_flight.len;
        pipe.part = pipe.pos = 0;
        pipe.out = flight;
        (void)wolfSSL_connect(client); /* sends its flight, then waits for the server's */
    }
    wolfSSL_free(client);
    wolfSSL_CTX_free(ctx);
    mg_bytes_free(&hello);
    mg_bytes_free(&server_flight);
    if (!loaded)
        return mg_fail(MG_E_INPUT, "%s / %s: wolfSSL cannot load this client credential",
                       chain_file, key_file);
    MG_ENSURE(same, MG_E_INTERNAL, "%s: the wolfSSL client's hello differs from the fixed one",
              chain_file);
    return MG_OK;
}
