/* Session resumption (RFC 8446 2.2 and 4.6.1, RFC 5077). A resumption server issues tickets
 * (gnutls_session_ticket_enable_server) under one key made once per process with
 * gnutls_session_ticket_key_generate, the same for every resumption context, so a second
 * server made from another config opens a ticket the first one issued, as the servers of one
 * deployment sharing a ticket key do (and unlike CVE-2020-13777, where GnuTLS's key was all
 * zeros until first rotated). The client keeps gnutls_session_get_data2 after its connection
 * (TLS 1.3: after the NewSessionTicket, read with the server's first message) and offers it
 * with gnutls_session_set_data. */
#include "gnutls_internal.h"

#include <stdlib.h>
#include <string.h>

struct mg_ticket {
    gnutls_datum_t data;
};

static gnutls_datum_t ticket_key; /* made on first use, kept for the life of the process */

unsigned mg_gnutls_ticket_flags(const mg_side_config *cfg)
{
    return cfg->resumption ? 0 : GNUTLS_NO_TICKETS;
}

int mg_gnutls_setup_resumption(mg_gnutls_session *s)
{
    const mg_side_config *cfg = &s->ctx->config;
    if (!cfg->resumption || cfg->role != MG_ROLE_SERVER) return 0;
    if (!ticket_key.data) {
        int rc = gnutls_session_ticket_key_generate(&ticket_key);
        if (rc < 0) return rc;
    }
    return gnutls_session_ticket_enable_server(s->tls, &ticket_key);
}

mg_ticket *mg_gnutls_ticket_take(mg_session *session)
{
    mg_gnutls_session *s = mg_gnutls_sess(session);
    gnutls_datum_t data = {NULL, 0};
    if (gnutls_session_get_data2(s->tls, &data) < 0 || !data.size) {
        gnutls_free(data.data);
        return NULL;
    }
    mg_ticket *t = malloc(sizeof *t);
    if (!t) {
        gnutls_free(data.data);
        return NULL;
    }
    t->data = data;
    return t;
}

bool mg_gnutls_ticket_offer(mg_session *session, const mg_ticket *ticket)
{
    mg_gnutls_session *s = mg_gnutls_sess(session);
    return gnutls_session_set_data(s->tls, ticket->data.data, ticket->data.size) >= 0;
}

void mg_gnutls_ticket_free(mg_ticket *ticket)
{
    if (!ticket) return;
    gnutls_free(ticket->data.data);
    free(ticket);
}

void mg_gnutls_resumption_state(mg_session *session, mg_resumption_state *out)
{
    mg_gnutls_session *s = mg_gnutls_sess(session);
    out->resumed = gnutls_session_is_resumed(s->tls) != 0;
    unsigned count = 0;
    out->peer_cert = gnutls_certificate_get_peers(s->tls, &count) != NULL && count > 0;
}
