/* The TLS alerts each session sends and receives, from OpenSSL's info callback. */
#include "ossl_internal.h"

#define ALERT_LEVEL_FATAL 2

/* Keeps the first alert each way, unless a fatal one follows a warning: the fatal one is
 * what ended the connection. */
static void keep(int *slot, bool *slot_fatal, int description, bool fatal)
{
    if (*slot == MG_NO_ALERT || (fatal && !*slot_fatal)) {
        *slot = description;
        *slot_fatal = fatal;
    }
}

static void on_info(const SSL *ssl, int where, int value)
{
    if (!(where & SSL_CB_ALERT)) return;
    mg_session *s = mg_ossl_session_of(ssl);
    if (!s) return;
    int description = value & 0xff;
    bool fatal = (value >> 8) == ALERT_LEVEL_FATAL;
    if (where & SSL_CB_WRITE)
        keep(&s->alert_sent, &s->alert_sent_fatal, description, fatal);
    else if (where & SSL_CB_READ)
        keep(&s->alert_received, &s->alert_received_fatal, description, fatal);
}

void mg_ossl_setup_alert_tracking(SSL_CTX *ssl_ctx) { SSL_CTX_set_info_callback(ssl_ctx, on_info); }
