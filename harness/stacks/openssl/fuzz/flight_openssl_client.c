/* The client side of the OpenSSL flight: the fixed hello, and the recorder that plays a
 * real client holding a matrix credential against the deterministic server. */
#include "flight_openssl_internal.h"

#include "det_stream.h"
#include "pinned_rand_openssl.h"

#include <openssl/err.h>
#include <string.h>

SSL *mg_flight_openssl_client_start(SSL_CTX *ctx, BIO **in, BIO **out, mg_bytes *hello)
{
    mg_pinned_rand_openssl(MG_FLIGHT_CLIENT_SEED);
    SSL *ssl = mg_flight_openssl_session(ctx, in, out);
    SSL_set_connect_state(ssl);
    (void)SSL_do_handshake(ssl); /* writes the hello, then wants to read */
    mg_flight_openssl_drain(*out, hello);
    return ssl;
}

const mg_bytes *mg_flight_openssl_hello(void)
{
    static mg_bytes hello;
    if (hello.len == 0) {
        SSL_CTX *ctx = mg_flight_openssl_ctx(false);
        BIO *in, *out;
        SSL_free(mg_flight_openssl_client_start(ctx, &in, &out, &hello));
        SSL_CTX_free(ctx);
        ERR_clear_error();
    }
    return &hello;
}

MG_RESULT mg_fuzz_openssl_flight_record(const char *chain_file, const char *key_file,
                                        mg_bytes *flight)
{
    SSL_CTX *ctx = mg_flight_openssl_ctx(false);
    if (SSL_CTX_use_certificate_chain_file(ctx, chain_file) != 1 ||
        SSL_CTX_use_PrivateKey_file(ctx, key_file, SSL_FILETYPE_PEM) != 1) {
        SSL_CTX_free(ctx);
        ERR_clear_error();
        return mg_fail(MG_E_INPUT, "%s / %s: OpenSSL cannot load this client credential",
                       chain_file, key_file);
    }
    const mg_bytes *fixed = mg_flight_openssl_hello();
    mg_bytes hello = {0}, server_flight = {0};
    BIO *in, *out;
    SSL *client = mg_flight_openssl_client_start(ctx, &in, &out, &hello);
    bool same = hello.len == fixed->len && memcmp(hello.data, fixed->data, hello.len) == 0;
    if (same) {
        (void)mg_fuzz_openssl_flight_serve(NULL, 0, &server_flight);
        BIO_write(in, server_flight.data, (int)server_flight.len);
        (void)SSL_do_handshake(client); /* sends its flight, then waits for the server's */
        mg_flight_openssl_drain(out, flight);
    }
    SSL_free(client);
    SSL_CTX_free(ctx);
    mg_bytes_free(&hello);
    mg_bytes_free(&server_flight);
    ERR_clear_error();
    MG_ENSURE(same, MG_E_INTERNAL, "%s: the OpenSSL client's hello differs from the fixed one",
              chain_file);
    return MG_OK;
}
