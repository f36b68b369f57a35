/* Session resumption (RFC 8446 2.2 and 4.6.1, RFC 5077). wolfSSL's own ticket callback keys
 * each WOLFSSL_CTX at random, and this backend builds more than one WOLFSSL_CTX per context
 * (wolfssl_internal.h), so a resumption server encrypts its tickets itself
 * (wolfSSL_CTX_set_TicketEncCb) with ChaCha20-Poly1305 under one fixed key, the same in
 * every resumption context: a second server made from another config opens a ticket the first
 * one issued, as servers of one deployment sharing a ticket key do. The client keeps a copy
 * of wolfSSL_get1_session after its connection (TLS 1.3: after the NewSessionTicket, read
 * with the server's first message) and offers it with wolfSSL_set_session. */
#include "wolfssl_internal.h"

#include <wolfssl/wolfcrypt/chacha20_poly1305.h>

#include <string.h>
#include <unistd.h>

/* A test key, never a secret: the matrix shares it between resumption servers. */
static const unsigned char ticket_name[WOLFSSL_TICKET_NAME_SZ] = "mtlsgrid-ticket";
static const unsigned char ticket_key[CHACHA20_POLY1305_AEAD_KEYSIZE] =
    "mtlsgrid fixed ticket key 32 by";

/* A fresh nonce per ticket: the process id and a counter (one key, many worker processes). */
static void next_nonce(unsigned char iv[WOLFSSL_TICKET_IV_SZ])
{
    static unsigned long counter;
    unsigned long n = ++counter;
    unsigned long pid = (unsigned long)getpid();
    memset(iv, 0, WOLFSSL_TICKET_IV_SZ);
    memcpy(iv, &pid, sizeof pid < 6 ? sizeof pid : 6);
    memcpy(iv + 6, &n, sizeof n < 6 ? sizeof n : 6);
}

static int ticket_cb(WOLFSSL *ssl, unsigned char name[WOLFSSL_TICKET_NAME_SZ],
                     unsigned char iv[WOLFSSL_TICKET_IV_SZ],
                     unsigned char mac[WOLFSSL_TICKET_MAC_SZ], int enc, unsigned char *ticket,
                     int in_len, int *out_len, void *user)
{
    (void)ssl, (void)user;
    unsigned char aad[WOLFSSL_TICKET_NAME_SZ + CHACHA20_POLY1305_AEAD_IV_SIZE];
    if (in_len < 0) return WOLFSSL_TICKET_RET_FATAL;
    if (enc) {
        memcpy(name, ticket_name, sizeof ticket_name);
        next_nonce(iv);
    } else if (memcmp(name, ticket_name, sizeof ticket_name) != 0) {
        return WOLFSSL_TICKET_RET_REJECT; /* not ours: a full handshake */
    }
    memcpy(aad, name, WOLFSSL_TICKET_NAME_SZ);
    memcpy(aad + WOLFSSL_TICKET_NAME_SZ, iv, CHACHA20_POLY1305_AEAD_IV_SIZE);
    int rc;
    if (enc) {
        memset(mac, 0, WOLFSSL_TICKET_MAC_SZ);
        rc = wc_ChaCha20Poly1305_Encrypt(ticket_key, iv, aad, sizeof aad, ticket, (word32)in_len,
                                         ticket, mac);
    } else {
        rc = wc_ChaCha20Poly1305_Decrypt(ticket_key, iv, aad, sizeof aad, ticket, (word32)in_len,
                                         mac, ticket);
    }
    if (rc != 0) return enc ? WOLFSSL_TICKET_RET_FATAL : WOLFSSL_TICKET_RET_REJECT;
    *out_len = in_len;
    return WOLFSSL_TICKET_RET_OK;
}

MG_RESULT mg_wolf_setup_resumption(const mg_side_config *cfg, WOLFSSL_CTX *wctx)
{
    if (!cfg->resumption) {
        (void)wolfSSL_CTX_NoTicketTLSv12(wctx);
        (void)wolfSSL_CTX_no_ticket_TLSv13(wctx);
        return MG_OK;
    }
    if (cfg->role == MG_ROLE_CLIENT) {
        MG_ENSURE(wolfSSL_CTX_UseSessionTicket(wctx) == WOLFSSL_SUCCESS, MG_E_INTERNAL,
                  "wolfssl: cannot offer session tickets");
        return MG_OK;
    }
    MG_ENSURE(wolfSSL_CTX_set_TicketEncCb(wctx, ticket_cb) == WOLFSSL_SUCCESS, MG_E_INTERNAL,
              "wolfssl: cannot set the ticket callback");
    return MG_OK;
}

mg_ticket *mg_wolf_ticket_take(mg_session *s)
{
    WOLFSSL_SESSION *live = wolfSSL_get1_session(s->ssl);
    if (!live) return NULL;
    WOLFSSL_SESSION *copy = wolfSSL_SESSION_dup(live);
    wolfSSL_SESSION_free(live);
    return (mg_ticket *)copy;
}

bool mg_wolf_ticket_offer(mg_session *s, const mg_ticket *ticket)
{
    return wolfSSL_set_session(s->ssl, (WOLFSSL_SESSION *)ticket) == WOLFSSL_SUCCESS;
}

void mg_wolf_ticket_free(mg_ticket *ticket) { wolfSSL_SESSION_free((WOLFSSL_SESSION *)ticket); }

void mg_wolf_resumption_state(mg_session *s, mg_resumption_state *out)
{
    out->resumed = wolfSSL_session_reused(s->ssl) == 1;
    WOLFSSL_X509_CHAIN *chain = wolfSSL_get_peer_chain(s->ssl);
    out->peer_cert = chain && wolfSSL_get_chain_count(chain) > 0;
}
