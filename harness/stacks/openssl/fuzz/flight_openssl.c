/* The OpenSSL flight server: one SSL_CTX for the process, one SSL per input over memory
 * BIOs, randomness restarted at MG_FLIGHT_SERVER_SEED for each input. */
#include "flight_openssl_internal.h"

#include "det_stream.h"
#include "fixture.h"
#include "fixture_openssl.h"
#include "fuzz_require.h"
#include "pinned_rand_openssl.h"

#include <openssl/err.h>
#include <openssl/pem.h>

static void use_fixture_credential(SSL_CTX *ctx)
{
    STACK_OF(X509) *chain = mg_fixture_openssl_certs(mg_fixture_server_chain_pem);
    mg_fuzz_check(SSL_CTX_use_certificate(ctx, sk_X509_value(chain, 0)) == 1,
                  "the fixture server certificate does not load");
    for (int i = 1; i < sk_X509_num(chain); i++)
        mg_fuzz_check(SSL_CTX_add1_chain_cert(ctx, sk_X509_value(chain, i)) == 1,
                      "the fixture server chain does not load");
    sk_X509_pop_free(chain, X509_free);
    BIO *key_pem = BIO_new_mem_buf(mg_fixture_server_key_pem, -1);
    EVP_PKEY *key = key_pem ? PEM_read_bio_PrivateKey(key_pem, NULL, NULL, NULL) : NULL;
    mg_fuzz_check(key != NULL && SSL_CTX_use_PrivateKey(ctx, key) == 1,
                  "the fixture server key does not load");
    EVP_PKEY_free(key);
    BIO_free(key_pem);
}

SSL_CTX *mg_flight_openssl_ctx(bool server)
{
    SSL_CTX *ctx = SSL_CTX_new(server ? TLS_server_method() : TLS_client_method());
    mg_fuzz_check(ctx != NULL, "SSL_CTX_new failed");
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    if (!server) { /* verifies nothing and sends any credential: only its flight matters */
        SSL_CTX_set_security_level(ctx, 0);
        return ctx;
    }
    use_fixture_credential(ctx);
    X509_STORE *trust = mg_fixture_openssl_client_store();
    X509_STORE_up_ref(trust);
    SSL_CTX_set_cert_store(ctx, trust);
    X509_VERIFY_PARAM_set_time(SSL_CTX_get0_param(ctx), (time_t)mg_fixture_time);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
    STACK_OF(X509) *roots = mg_fixture_openssl_certs(mg_fixture_client_trust_pem);
    for (int i = 0; i < sk_X509_num(roots); i++)
        SSL_CTX_add_client_CA(ctx, sk_X509_value(roots, i));
    sk_X509_pop_free(roots, X509_free);
    return ctx;
}

SSL *mg_flight_openssl_session(SSL_CTX *ctx, BIO **in, BIO **out)
{
    SSL *ssl = SSL_new(ctx);
    *in = BIO_new(BIO_s_mem());
    *out = BIO_new(BIO_s_mem());
    mg_fuzz_check(ssl != NULL && *in != NULL && *out != NULL, "out of memory for a session");
    SSL_set_bio(ssl, *in, *out); /* the SSL owns both BIOs from here */
    return ssl;
}

void mg_flight_openssl_drain(BIO *bio, mg_bytes *to)
{
    char buf[4096];
    int n;
    while ((n = BIO_read(bio, buf, sizeof buf)) > 0)
        if (to != NULL) mg_bytes_append(to, buf, (size_t)n);
}

bool mg_fuzz_openssl_flight_serve(const uint8_t *flight, size_t len, mg_bytes *server_out)
{
    static SSL_CTX *ctx;
    if (ctx == NULL) ctx = mg_flight_openssl_ctx(true);
    const mg_bytes *hello = mg_flight_openssl_hello();
    mg_pinned_rand_openssl(MG_FLIGHT_SERVER_SEED);
    BIO *in, *out;
    SSL *ssl = mg_flight_openssl_session(ctx, &in, &out);
    SSL_set_accept_state(ssl);
    BIO_write(in, hello->data, (int)hello->len);
    for (size_t done = 0; done < len;) { /* BIO_write takes an int */
        int chunk = len - done > 65536 ? 65536 : (int)(len - done);
        BIO_write(in, flight + done, chunk);
        done += (size_t)chunk;
    }
    BIO_set_mem_eof_return(in, 0); /* the end of the input is the end of the stream */
    bool completed = SSL_do_handshake(ssl) == 1;
    if (completed) {
        char buf[1024];
        while (SSL_read(ssl, buf, sizeof buf) > 0) continue;
    }
    mg_flight_openssl_drain(out, server_out);
    SSL_free(ssl);
    ERR_clear_error();
    return completed;
}

void mg_fuzz_openssl_flight(const uint8_t *data, size_t size)
{
    (void)mg_fuzz_openssl_flight_serve(data, size, NULL);
}
