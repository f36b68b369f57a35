/* Session resumption (RFC 8446 2.2 and 4.6.1, RFC 5077). NSS keeps its ticket keys for the
 * whole process (made on first use), so every resumption server of a worker opens the tickets
 * any other one issued, as servers of one deployment sharing a ticket key do; a server that
 * takes tickets needs the process's server session cache (SSL_ConfigServerSessionIDCache,
 * made once when NSS starts, nss_init.c). The client keeps its sessions in NSS's own client cache,
 * under a peer id made for the first connection (SSL_SetSockPeerID), and the second one
 * names that id to find it. Not resumption tokens (SSL_SetResumptionTokenCallback): NSS
 * hands out none for a session in which the client authenticated (ssl_CacheExternalToken
 * returns early on clAuthValid), which is every session here. */
#include "nss_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct mg_ticket {
    char peer_id[64];
};

SECStatus mg_nss_setup_resumption(mg_session *s)
{
    static unsigned long connections;
    const mg_side_config *cfg = &s->ctx->config;
    /* a server's session cache is made when NSS starts (nss_init.c) */
    if (!cfg->resumption || cfg->role != MG_ROLE_CLIENT) return SECSuccess;
    /* A peer id of its own: no session an earlier connection left is found for this one,
     * until ticket_offer names the first connection's. */
    snprintf(s->peer_id, sizeof s->peer_id, "mtlsgrid-%ld-%lu", (long)getpid(), ++connections);
    return SSL_SetSockPeerID(s->fd, s->peer_id);
}

mg_ticket *mg_nss_ticket_take(mg_session *s)
{
    if (!s->peer_id[0]) return NULL;
    mg_ticket *t = malloc(sizeof *t);
    if (t) snprintf(t->peer_id, sizeof t->peer_id, "%s", s->peer_id);
    return t;
}

bool mg_nss_ticket_offer(mg_session *s, const mg_ticket *ticket)
{
    return SSL_SetSockPeerID(s->fd, ticket->peer_id) == SECSuccess;
}

void mg_nss_ticket_free(mg_ticket *ticket) { free(ticket); }

void mg_nss_resumption_state(mg_session *s, mg_resumption_state *out)
{
    SSLChannelInfo info;
    memset(&info, 0, sizeof info);
    out->resumed = SSL_GetChannelInfo(s->fd, &info, sizeof info) == SECSuccess && info.resumed;
    CERTCertificate *peer = SSL_PeerCertificate(s->fd);
    out->peer_cert = peer != NULL;
    if (peer) CERT_DestroyCertificate(peer);
}
