/* The instant a side verifies at. NSS's TLS code reads the clock through the socket's time
 * function (SSL_SetTimeFunc, an experimental API of 3.87's sslexp.h), which the default
 * SSL_AuthCertificate passes to CERT_VerifyCert (lib/ssl/sslauth.c); strict passes the same
 * instant to its own CERT_VerifyCert call. Per socket: nothing process-wide. */
#include "nss_internal.h"

#include <sslexp.h>

PRTime mg_nss_verify_time(const mg_side_config *config)
{
    if (!config->pin_time) return PR_Now();
    return (PRTime)config->verify_time * PR_USEC_PER_SEC;
}

static PRTime socket_clock(void *arg) { return mg_nss_verify_time(arg); }

MG_RESULT mg_nss_setup_time(mg_session *s, mg_side_outcome *why)
{
    if (!s->ctx->config.pin_time) return MG_OK;
    if (SSL_SetTimeFunc(s->fd, socket_clock, &s->ctx->config) != SECSuccess)
        mg_nss_setup_failure(why, MG_REASON_OTHER, PR_GetError(), "cannot pin the time");
    return MG_OK;
}
