/* The TLS alerts a session sends and receives, from NSS's alert callbacks (ssl.h
 * SSL_AlertSentCallback / SSL_AlertReceivedCallback): the first of each is kept, a
 * close_notify only while nothing else came. */
#include "nss_internal.h"

#define MG_NSS_CLOSE_NOTIFY 0

static void keep(int *slot, const SSLAlert *alert)
{
    if (*slot == MG_NO_ALERT || *slot == MG_NSS_CLOSE_NOTIFY) *slot = alert->description;
}

static void on_sent(const PRFileDesc *fd, void *arg, const SSLAlert *alert)
{
    (void)fd;
    keep(&((mg_session *)arg)->alert_sent, alert);
}

static void on_received(const PRFileDesc *fd, void *arg, const SSLAlert *alert)
{
    (void)fd;
    keep(&((mg_session *)arg)->alert_received, alert);
}

MG_RESULT mg_nss_setup_alerts(mg_session *s, mg_side_outcome *why)
{
    if (SSL_AlertSentCallback(s->fd, on_sent, s) != SECSuccess ||
        SSL_AlertReceivedCallback(s->fd, on_received, s) != SECSuccess)
        mg_nss_setup_failure(why, MG_REASON_OTHER, PR_GetError(), "cannot watch alerts");
    return MG_OK;
}
