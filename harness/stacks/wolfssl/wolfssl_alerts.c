/* The TLS alerts a session sends and receives. wolfSSL's alert history keeps only the last
 * alert each way, but a wolfSSL side that refuses a chain sends one alert per certificate it
 * refuses (src/internal.c ProcessPeerCerts, DoCertFatalAlert), and the peer reads the first
 * and goes: so the alerts sent are taken from the info callback (SSL_CB_ALERT, called from
 * SendAlert_ex with the description) and the first one kept. wolfSSL stops reading at the
 * first fatal alert it receives, so the history's last received one is that one. */
#include "wolfssl_internal.h"

#define MG_WOLF_CLOSE_NOTIFY 0

static void on_info(const WOLFSSL *ssl, int where, int value)
{
    if (!(where & SSL_CB_ALERT)) return;
    mg_session *s = mg_wolf_session_of((WOLFSSL *)ssl);
    if (!s) return;
    /* The first alert that ended something; a close_notify is only kept while none did. */
    if (s->alert_sent == MG_NO_ALERT || s->alert_sent == MG_WOLF_CLOSE_NOTIFY)
        s->alert_sent = value & 0xff;
}

void mg_wolf_setup_alert_tracking(WOLFSSL_CTX *wctx)
{
    wolfSSL_CTX_set_info_callback(wctx, on_info);
}

void mg_wolf_alerts(const mg_session *s, mg_side_outcome *out)
{
    out->alert_sent = s->alert_sent;
    WOLFSSL_ALERT_HISTORY h;
    if (wolfSSL_get_alert_history(s->ssl, &h) == WOLFSSL_SUCCESS && h.last_rx.code >= 0)
        out->alert_received = h.last_rx.code;
}
