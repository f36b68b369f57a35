/* TLS 1.3 post-handshake authentication (RFC 8446 4.6.2) with NSS 3.87: the client offers
 * the extension with SSL_ENABLE_POST_HANDSHAKE_AUTH and answers a CertificateRequest inside
 * PR_Read, through the same client-auth hook as in a handshake; the server asks in no
 * handshake but at SSL_SendCertificateRequest (sslexp.h), and judges the answer inside PR_Read
 * with the same auth-certificate hook and SSL_REQUIRE_CERTIFICATE setting as in a handshake. */
#include "nss_internal.h"

#include <sslerr.h>
#include <sslexp.h>

#include <stdio.h>

SECStatus mg_nss_setup_post_handshake(PRFileDesc *fd, const mg_side_config *cfg)
{
    bool offer = cfg->role == MG_ROLE_CLIENT && cfg->offer_post_handshake_auth;
    return SSL_OptionSet(fd, SSL_ENABLE_POST_HANDSHAKE_AUTH, offer);
}

mg_io_status mg_nss_request_client_cert(mg_session *s, bool *sent)
{
    *sent = s->pha_requested;
    if (s->failed) return MG_IO_FAILED;
    if (s->pha_requested) return MG_IO_DONE;
    if (SSL_SendCertificateRequest(s->fd) == SECSuccess) {
        s->pha_requested = *sent = true;
        return MG_IO_DONE;
    }
    PRErrorCode code = PR_GetError();
    if (code == PR_WOULD_BLOCK_ERROR) { /* queued: NSS writes the rest as the peer reads */
        s->pha_requested = *sent = true;
        return MG_IO_DONE;
    }
    bool not_offered = code == SSL_ERROR_MISSING_POST_HANDSHAKE_AUTH_EXTENSION;
    if (not_offered && s->ctx->config.peer_check != MG_PEER_REQUIRED) return MG_IO_DONE;
    s->failed = true;
    s->error = code;
    s->pha_refused = not_offered;
    return MG_IO_FAILED;
}

bool mg_nss_post_handshake_refusal(const mg_session *s, mg_side_outcome *out)
{
    if (!s->pha_refused) return false;
    out->reason = MG_REASON_NO_CERTIFICATE;
    out->native_code = s->error;
    snprintf(out->native_text, sizeof out->native_text,
             "no post-handshake CertificateRequest could be sent: %s", PR_ErrorToName(s->error));
    return true;
}
