/* TLS 1.3 post-handshake authentication (RFC 8446 4.6.2) with GnuTLS: both sides set
 * GNUTLS_POST_HANDSHAKE_AUTH at gnutls_init (the client then offers the extension, and the
 * server may ask). The server asks for nothing in the handshake; afterwards it sets the request
 * it would have made and calls gnutls_reauth, which sends the CertificateRequest and reads the
 * client's Certificate, CertificateVerify and Finished, judged by the same verification as in
 * a handshake. The client answers inside gnutls_record_recv (GNUTLS_AUTO_REAUTH). */
#include "gnutls_internal.h"

unsigned mg_gnutls_post_handshake_flags(const mg_side_config *c)
{
    if (c->role == MG_ROLE_CLIENT && c->offer_post_handshake_auth)
        return GNUTLS_POST_HANDSHAKE_AUTH | GNUTLS_AUTO_REAUTH;
    if (c->role == MG_ROLE_SERVER && c->ask_after_handshake) return GNUTLS_POST_HANDSHAKE_AUTH;
    return 0;
}

static const gnutls_certificate_request_t late_requests[] = {
    [MG_PEER_REQUIRED] = GNUTLS_CERT_REQUIRE,
    [MG_PEER_OPTIONAL] = GNUTLS_CERT_REQUEST,
    [MG_PEER_NONE] = GNUTLS_CERT_IGNORE,
};

/* A client that did not offer post_handshake_auth is not asked (gnutls_reauth would refuse
 * with GNUTLS_E_INVALID_REQUEST): none is sent, and a required certificate is missing. */
static mg_io_status not_offered(mg_gnutls_session *s, bool *sent)
{
    *sent = false;
    if (s->ctx->config.peer_check != MG_PEER_REQUIRED) return MG_IO_DONE;
    s->failure = GNUTLS_E_CERTIFICATE_REQUIRED; /* outcome(): rejected, no-certificate */
    return MG_IO_FAILED;
}

mg_io_status mg_gnutls_request_client_cert(mg_session *session, bool *sent)
{
    mg_gnutls_session *s = mg_gnutls_sess(session);
    *sent = s->pha_requested;
    if (s->failure) return MG_IO_FAILED;
    mg_gnutls_use_time(&s->ctx->config);
    if (!s->pha_requested) {
        if (!(gnutls_session_get_flags(s->tls) & GNUTLS_SFLAGS_POST_HANDSHAKE_AUTH))
            return not_offered(s, sent);
        mg_peer_check check = s->ctx->config.peer_check;
        gnutls_certificate_server_set_request(s->tls, late_requests[check]);
        s->pha_requested = *sent = true;
    }
    int rc = gnutls_reauth(s->tls, 0);
    if (rc == 0) return MG_IO_DONE;
    if (rc == GNUTLS_E_AGAIN || rc == GNUTLS_E_INTERRUPTED) return MG_IO_WANT;
    mg_gnutls_note_failure(s, rc);
    return MG_IO_FAILED;
}
