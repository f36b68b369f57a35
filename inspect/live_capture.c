/* libssl's callbacks, as the client of inspect --connect needs them: the server's chain kept
 * exactly as it arrived (before any verification could reorder or complete it), the
 * CertificateRequest read and answered with no certificate (so the server's reaction to an
 * empty Certificate is what the attempt shows), the server's alert, and whether a session
 * ticket came (in TLS 1.3 the server sends tickets only once it has accepted our Finished and
 * with it our empty Certificate). */
#include "inspect_internal.h"
#include "live_internal.h"

#include <stdlib.h>
#include <string.h>

/* Verification is the checks' job, on the chain as sent: accept everything here. */
static int keep_chain(X509_STORE_CTX *store, void *arg)
{
    (void)arg;
    SSL *ssl = X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx());
    mg_live_capture *cap = ssl ? SSL_get_app_data(ssl) : NULL;
    STACK_OF(X509) *sent = X509_STORE_CTX_get0_untrusted(store);
    if (cap && sent && !cap->attempt->chain) {
        cap->attempt->chain = X509_chain_up_ref(sent);
        cap->out_of_memory = cap->out_of_memory || !cap->attempt->chain;
    }
    return 1;
}

static bool copy_sigalgs(SSL *ssl, bool shared, mg_live_sigalg **out, size_t *count)
{
    /* Their counts: SSL_get_sigalgs answers index -1, SSL_get_shared_sigalgs only index 0. */
    int n = shared ? SSL_get_shared_sigalgs(ssl, 0, NULL, NULL, NULL, NULL, NULL)
                   : SSL_get_sigalgs(ssl, -1, NULL, NULL, NULL, NULL, NULL);
    *count = 0;
    *out = calloc(n > 0 ? (size_t)n : 1, sizeof **out);
    if (!*out) return false;
    for (int i = 0; i < n; i++) {
        unsigned char rsig = 0, rhash = 0;
        if (shared) SSL_get_shared_sigalgs(ssl, i, NULL, NULL, NULL, &rsig, &rhash);
        else SSL_get_sigalgs(ssl, i, NULL, NULL, NULL, &rsig, &rhash);
        unsigned code = (unsigned)rhash << 8 | rsig; /* the wire's two bytes, hash byte first */
        const char *name = mg_live_sigalg_name(code);
        (*out)[(*count)++] = (mg_live_sigalg){code, name ? name : ""};
    }
    return true;
}

static bool copy_ca_names(SSL *ssl, mg_live_cert_request *r)
{
    const STACK_OF(X509_NAME) *names = SSL_get_client_CA_list(ssl);
    int n = sk_X509_NAME_num(names);
    r->ca_names = calloc(n > 0 ? (size_t)n : 1, sizeof *r->ca_names);
    if (!r->ca_names) return false;
    for (int i = 0; i < n; i++) {
        const X509_NAME *name = sk_X509_NAME_value(names, i);
        const unsigned char *der = NULL;
        size_t der_len = 0;
        X509_NAME_get0_der(name, &der, &der_len);
        r->ca_list_bytes += 2 + der_len;
        char *text = mg_inspect_name_text(name);
        if (text) r->ca_names[r->ca_count++] = text;
        if (!text) return false;
    }
    return true;
}

static bool copy_cert_types(SSL *ssl, mg_live_cert_request *r)
{
    const unsigned char *types = NULL;
    size_t n = SSL_get0_certificate_types(ssl, &types);
    r->cert_types = malloc(n ? n : 1);
    if (!r->cert_types) return false;
    if (n) memcpy(r->cert_types, types, n);
    r->cert_type_count = n;
    return true;
}

/* Called for every CertificateRequest, in the handshake or after it (TLS 1.3 PHA); the last one
 * is kept. Returning 0 sends an empty Certificate. */
static int read_request(SSL *ssl, X509 **cert, EVP_PKEY **key)
{
    (void)cert, (void)key;
    mg_live_capture *cap = SSL_get_app_data(ssl);
    if (!cap) return 0;
    mg_live_cert_request *r = &cap->attempt->request;
    mg_live_request_free(r);
    cap->attempt->asked = true;
    r->post_handshake = cap->handshake_done;
    bool ok = copy_ca_names(ssl, r) && copy_sigalgs(ssl, false, &r->sigalgs, &r->sigalg_count) &&
              copy_sigalgs(ssl, true, &r->shared, &r->shared_count) &&
              (SSL_version(ssl) == TLS1_3_VERSION || copy_cert_types(ssl, r));
    cap->out_of_memory = cap->out_of_memory || !ok;
    return 0;
}

static void note_alert(const SSL *ssl, int where, int value)
{
    mg_live_capture *cap = SSL_get_app_data(ssl);
    /* SSL_CB_READ_ALERT shares its SSL_CB_ALERT bit with the alerts we write: test both bits */
    bool read_alert = (where & SSL_CB_ALERT) && (where & SSL_CB_READ);
    if (cap && read_alert && cap->alert < 0 && (value >> 8) == SSL3_AL_FATAL)
        cap->alert = value & 0xff;
}

static int note_ticket(SSL *ssl, SSL_SESSION *session)
{
    (void)session;
    mg_live_capture *cap = SSL_get_app_data(ssl);
    if (cap) cap->ticket = true;
    return 0; /* not kept: each attempt is a fresh handshake */
}

void mg_live_capture_install(SSL_CTX *ctx)
{
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
    SSL_CTX_set_cert_verify_callback(ctx, keep_chain, NULL);
    SSL_CTX_set_client_cert_cb(ctx, read_request);
    SSL_CTX_set_info_callback(ctx, note_alert);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_NO_INTERNAL_STORE);
    SSL_CTX_sess_set_new_cb(ctx, note_ticket);
}

void mg_live_request_free(mg_live_cert_request *r)
{
    for (size_t i = 0; i < r->ca_count; i++) free(r->ca_names[i]);
    free(r->ca_names);
    free(r->sigalgs);
    free(r->shared);
    free(r->cert_types);
    *r = (mg_live_cert_request){0};
}
