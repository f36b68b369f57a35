/* The client side of the GnuTLS flight: the fixed hello, and the recorder that plays a real
 * client holding a matrix credential against the deterministic server. */
#include "flight_gnutls_internal.h"

#include "det_stream.h"
#include "fixture_gnutls.h"
#include "fuzz_require.h"
#include "pinned_thread_gnutls.h"

#include <gnutls/x509.h>
#include <string.h>

typedef struct {
    gnutls_certificate_credentials_t creds;
    mg_flight_gnutls_stream stream;
} client_job;

static void client_on_pinned_thread(void *arg)
{
    client_job *job = arg;
    gnutls_session_t session = mg_flight_gnutls_session(GNUTLS_CLIENT, job->creds, &job->stream);
    (void)mg_flight_gnutls_handshake(session, &job->stream);
    gnutls_deinit(session);
}

void mg_flight_gnutls_run_client(gnutls_certificate_credentials_t creds,
                                 const mg_bytes *server_flight, mg_bytes *client_out)
{
    client_job job = {.creds = creds,
                      .stream = {.in = server_flight->data, .in_len = server_flight->len,
                                 .would_block = true, .out = client_out}};
    mg_run_pinned_thread(MG_FLIGHT_CLIENT_SEED, client_on_pinned_thread, &job);
}

const mg_bytes *mg_flight_gnutls_hello(void)
{
    static mg_bytes hello;
    if (hello.len == 0) {
        mg_fixture_gnutls_init(); /* the hello's random starts with gnutls_time() */
        gnutls_certificate_credentials_t creds;
        mg_fuzz_check(gnutls_certificate_allocate_credentials(&creds) >= 0, "out of memory");
        mg_bytes none = {0};
        mg_flight_gnutls_run_client(creds, &none, &hello);
        gnutls_certificate_free_credentials(creds);
        mg_fuzz_check(hello.len > 0, "the GnuTLS client sent no hello");
    }
    return &hello;
}

/* Parses chain and key here and hands GnuTLS the objects: given a chain it refuses (a
 * duplicate extension), gnutls_certificate_set_x509_key_file leaks what it parsed (3.7.9). */
static int load_credential(gnutls_certificate_credentials_t creds, const char *chain_file,
                           const char *key_file)
{
    gnutls_datum_t chain_pem = {NULL, 0}, key_pem = {NULL, 0};
    gnutls_x509_crt_t *chain = NULL;
    unsigned count = 0;
    gnutls_x509_privkey_t key = NULL;
    int ret = gnutls_load_file(chain_file, &chain_pem);
    if (ret >= 0) ret = gnutls_load_file(key_file, &key_pem);
    if (ret >= 0)
        ret = gnutls_x509_crt_list_import2(&chain, &count, &chain_pem, GNUTLS_X509_FMT_PEM, 0);
    if (ret >= 0) ret = gnutls_x509_privkey_init(&key);
    if (ret >= 0) ret = gnutls_x509_privkey_import2(key, &key_pem, GNUTLS_X509_FMT_PEM, NULL, 0);
    if (ret >= 0) ret = gnutls_certificate_set_x509_key(creds, chain, count, key);
    for (unsigned i = 0; i < count; i++) gnutls_x509_crt_deinit(chain[i]);
    gnutls_free(chain);
    if (key != NULL) gnutls_x509_privkey_deinit(key);
    gnutls_free(chain_pem.data);
    gnutls_free(key_pem.data);
    return ret;
}

MG_RESULT mg_fuzz_gnutls_flight_record(const char *chain_file, const char *key_file,
                                       mg_bytes *flight)
{
    gnutls_certificate_credentials_t creds;
    MG_ENSURE(gnutls_certificate_allocate_credentials(&creds) >= 0, MG_E_INTERNAL, "out of memory");
    int ret = load_credential(creds, chain_file, key_file);
    if (ret < 0) {
        gnutls_certificate_free_credentials(creds);
        return mg_fail(MG_E_INPUT, "%s / %s: GnuTLS cannot load this client credential: %s",
                       chain_file, key_file, gnutls_strerror(ret));
    }
    const mg_bytes *fixed = mg_flight_gnutls_hello();
    mg_bytes server_flight = {0}, client_out = {0};
    (void)mg_fuzz_gnutls_flight_serve(NULL, 0, &server_flight);
    mg_flight_gnutls_run_client(creds, &server_flight, &client_out);
    gnutls_certificate_free_credentials(creds);
    bool same =
        client_out.len >= fixed->len && memcmp(client_out.data, fixed->data, fixed->len) == 0;
    if (same) mg_bytes_append(flight, client_out.data + fixed->len, client_out.len - fixed->len);
    mg_bytes_free(&server_flight);
    mg_bytes_free(&client_out);
    MG_ENSURE(same, MG_E_INTERNAL, "%s: the GnuTLS client's hello differs from the fixed one",
              chain_file);
    return MG_OK;
}
