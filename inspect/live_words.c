/* The sentences both outputs of inspect --connect share: what an attempt ended in and what
 * TLS 1.3 post-handshake authentication looked like. */
#include "live_words.h"

#include <stdio.h>
#include <string.h>

const char *mg_live_outcome_id(mg_live_outcome outcome)
{
    switch (outcome) {
    case MG_LIVE_COMPLETED: return "completed";
    case MG_LIVE_CERT_REQUIRED: return "client-certificate-required";
    case MG_LIVE_VERSION_REFUSED: return "version-refused";
    case MG_LIVE_FAILED: return "failed";
    }
    return "failed";
}

void mg_live_outcome_words(const mg_live_attempt *a, char *buf, size_t len)
{
    if (a->outcome != MG_LIVE_COMPLETED) {
        snprintf(buf, len, "%s", a->detail);
        return;
    }
    const char *then = "";
    if (a->asked && a->request.post_handshake)
        then = "; asked for a client certificate after the handshake";
    else if (a->asked && strcmp(a->tls, "1.2") == 0)
        then = "; asked for a client certificate and accepted the empty Certificate this client "
               "sent: a certificate is optional for this server";
    else if (a->asked && a->ticket_after_empty_cert)
        then = "; asked for a client certificate and accepted the empty Certificate this client "
               "sent (a session ticket followed it): a certificate is optional in TLS";
    else if (a->asked)
        then = "; asked for a client certificate, and neither refused the empty Certificate this "
               "client sent nor confirmed it (no session ticket came)";
    snprintf(buf, len, "completed (%s)%s%s%s", a->negotiated, then, *a->detail ? "; " : "",
             *a->detail ? a->detail : "");
}

void mg_live_pha_words(const mg_live_attempt *a13, char *buf, size_t len)
{
    if (a13->outcome == MG_LIVE_VERSION_REFUSED || a13->outcome == MG_LIVE_FAILED)
        snprintf(buf, len, "not observable: no TLS 1.3 handshake");
    else if (a13->asked && a13->request.post_handshake)
        snprintf(buf, len, "offered by this client (post_handshake_auth); the server used it: "
                 "it sent its CertificateRequest after the handshake");
    else if (a13->asked)
        snprintf(buf, len, "offered by this client (post_handshake_auth); not used: the server "
                 "asked in the handshake");
    else
        snprintf(buf, len, "offered by this client (post_handshake_auth); the server did not "
                 "ask, neither in the handshake nor in the %.1f s after it", a13->listened);
}
