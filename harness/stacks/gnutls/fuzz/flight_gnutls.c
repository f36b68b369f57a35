/* The GnuTLS flight server: credentials and priorities made once, one session per input on
 * a fresh thread pinned at MG_FLIGHT_SERVER_SEED. */
#include "flight_gnutls_internal.h"

#include "det_stream.h"
#include "fixture.h"
#include "fixture_gnutls.h"
#include "fuzz_require.h"
#include "pinned_thread_gnutls.h"

#include <errno.h>
#include <string.h>

gnutls_priority_t mg_flight_gnutls_priority(void)
{
    static gnutls_priority_t priority;
    if (priority == NULL)
        mg_fuzz_check(gnutls_priority_init(&priority, "NORMAL:-VERS-ALL:+VERS-TLS1.2", NULL) >= 0,
                      "gnutls_priority_init failed");
    return priority;
}

static ssize_t stream_pull(gnutls_transport_ptr_t ptr, void *buf, size_t cap)
{
    mg_flight_gnutls_stream *s = ptr;
    size_t left = s->in_len - s->in_pos;
    if (left == 0 && s->would_block) {
        errno = EAGAIN;
        return -1;
    }
    size_t n = left < cap ? left : cap;
    if (n > 0) memcpy(buf, s->in + s->in_pos, n);
    s->in_pos += n;
    return (ssize_t)n;
}

static ssize_t stream_push(gnutls_transport_ptr_t ptr, const void *data, size_t len)
{
    mg_flight_gnutls_stream *s = ptr;
    if (s->out != NULL) mg_bytes_append(s->out, data, len);
    return (ssize_t)len;
}

gnutls_session_t mg_flight_gnutls_session(unsigned end, gnutls_certificate_credentials_t creds,
                                          mg_flight_gnutls_stream *stream)
{
    gnutls_session_t session;
    mg_fuzz_check(gnutls_init(&session, end | GNUTLS_NO_TICKETS) >= 0, "gnutls_init");
    gnutls_priority_set(session, mg_flight_gnutls_priority());
    gnutls_credentials_set(session, GNUTLS_CRD_CERTIFICATE, creds);
    gnutls_transport_set_ptr(session, stream);
    gnutls_transport_set_pull_function(session, stream_pull);
    gnutls_transport_set_push_function(session, stream_push);
    return session;
}

int mg_flight_gnutls_handshake(gnutls_session_t session, const mg_flight_gnutls_stream *stream)
{
    int ret, tries = 0;
    do ret = gnutls_handshake(session);
    while (ret < 0 && !gnutls_error_is_fatal(ret) && stream->in_pos < stream->in_len &&
           ++tries < 64);
    return ret;
}

static gnutls_certificate_credentials_t server_credentials(void)
{
    static gnutls_certificate_credentials_t creds;
    if (creds != NULL) return creds;
    mg_fixture_gnutls_init();
    mg_fuzz_check(gnutls_certificate_allocate_credentials(&creds) >= 0, "out of memory");
    gnutls_datum_t chain = {(unsigned char *)mg_fixture_server_chain_pem,
                            (unsigned)strlen(mg_fixture_server_chain_pem)};
    gnutls_datum_t key = {(unsigned char *)mg_fixture_server_key_pem,
                          (unsigned)strlen(mg_fixture_server_key_pem)};
    gnutls_datum_t trust = {(unsigned char *)mg_fixture_client_trust_pem,
                            (unsigned)strlen(mg_fixture_client_trust_pem)};
    mg_fuzz_check(gnutls_certificate_set_x509_key_mem2(creds, &chain, &key, GNUTLS_X509_FMT_PEM,
                                                       NULL, 0) >= 0,
                  "the fixture server credential does not load in GnuTLS");
    mg_fuzz_check(gnutls_certificate_set_x509_trust_mem(creds, &trust, GNUTLS_X509_FMT_PEM) > 0,
                  "the fixture client trust does not load in GnuTLS");
    return creds;
}

typedef struct {
    mg_flight_gnutls_stream stream;
    bool completed;
} serve_job;

static void serve_on_pinned_thread(void *arg)
{
    serve_job *job = arg;
    gnutls_session_t session =
        mg_flight_gnutls_session(GNUTLS_SERVER, server_credentials(), &job->stream);
    gnutls_certificate_server_set_request(session, GNUTLS_CERT_REQUIRE);
    gnutls_typed_vdata_st purpose = {GNUTLS_DT_KEY_PURPOSE_OID,
                                     (unsigned char *)GNUTLS_KP_TLS_WWW_CLIENT, 0};
    gnutls_session_set_verify_cert2(session, &purpose, 1, 0);
    job->completed = mg_flight_gnutls_handshake(session, &job->stream) == 0;
    if (job->completed) {
        char buf[1024];
        while (gnutls_record_recv(session, buf, sizeof buf) > 0) continue;
    }
    gnutls_deinit(session);
}

bool mg_fuzz_gnutls_flight_serve(const uint8_t *flight, size_t len, mg_bytes *server_out)
{
    (void)server_credentials(); /* made here, off the pinned thread: loading draws randomness */
    const mg_bytes *hello = mg_flight_gnutls_hello();
    mg_bytes in = {0};
    mg_bytes_append(&in, hello->data, hello->len);
    mg_bytes_append(&in, flight, len);
    serve_job job = {.stream = {.in = in.data, .in_len = in.len, .out = server_out}};
    mg_run_pinned_thread(MG_FLIGHT_SERVER_SEED, serve_on_pinned_thread, &job);
    mg_bytes_free(&in);
    return job.completed;
}

void mg_fuzz_gnutls_flight(const uint8_t *data, size_t size)
{
    (void)mg_fuzz_gnutls_flight_serve(data, size, NULL);
}
