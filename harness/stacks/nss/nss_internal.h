/* Private state of the NSS backend, shared by its files.
 *
 * NSS keeps every certificate it knows in one process-wide store (the temporary store of the
 * default trust domain), trust flags included, and builds chains from it by subject. So a
 * context here holds only DER bytes and its private key: the certificates of its own chain
 * are made per session and gone with it, and its trust anchors exist only while one of its
 * sessions judges a peer (nss_trust.c). Nothing one case parsed can then complete or vouch
 * for another case's chain. */
#ifndef MG_NSS_INTERNAL_H
#define MG_NSS_INTERNAL_H

#include <cert.h>
#include <keyhi.h>
#include <nss.h>
#include <prio.h>
#include <secitem.h>
#include <ssl.h>

#include "stack.h"

#include <stdbool.h>
#include <stddef.h>

/* DER items read from files, owned (SECITEM_FreeItem each). */
typedef struct {
    SECItem *items;
    size_t count;
} mg_nss_ders;

#define MG_NSS_DIGEST_LEN 32 /* SHA-256 */

struct mg_context {
    mg_side_config config;  /* paths stay owned by the caller */
    mg_nss_ders own_chain;  /* leaf then chain, in the order given */
    SECKEYPrivateKey *key;  /* a session object of the internal slot */
    mg_nss_ders anchors;    /* the CAs trusted for the peer */
    mg_nss_ders crls;       /* strict: the CRLs of crl_file */
    SECItem ocsp;           /* server: the DER response to staple */
    bool server_name_is_ip; /* client: verify an iPAddress SAN, send no SNI */
    /* Server with MG_CA_NAMES_TRUSTED: the anchors decoded outside NSS's store, for their
     * subjects only (nss_ca_names.c). */
    CERTCertList *ca_names;
    mg_nss_ders alt_chain;     /* client: the second credential (nss_select.c) */
    SECKEYPrivateKey *alt_key;
    /* What a judgement of a peer by this context depends on besides the peer's chain and
     * the certificates in NSS's store (nss_judged.c); judge_digest_ok false: its judgements
     * are not remembered. The anchors' subject and issuer names, as DER, pair by index. */
    unsigned char judge_digest[MG_NSS_DIGEST_LEN];
    bool judge_digest_ok;
    mg_nss_ders anchor_subjects, anchor_issuers;
};

/* What this side's judgement of its peer said, first failure only. */
typedef struct {
    bool seen;
    PRErrorCode code;
    int depth; /* 0: the peer's leaf; -1: unknown */
    bool not_yet_valid;  /* SEC_ERROR_EXPIRED_CERTIFICATE for a certificate not yet valid */
    bool missing_staple; /* the client required a stapled OCSP response and got none */
} mg_nss_verify_error;

/* What judging a peer gave back and left behind (nss_auth.c), as nss_judged.c keeps it. */
typedef struct {
    SECStatus rv;
    PRErrorCode code; /* left in PORT_GetError when rv is SECFailure */
    mg_nss_verify_error verify;
} mg_nss_judgement;

struct mg_session {
    mg_context *ctx;
    mg_transport io;       /* a copy: the I/O layer moves bytes through it */
    PRFileDesc *fd;        /* the SSL socket, on top of the transport layer */
    CERTCertificate *leaf; /* this session's own leaf (NULL: no credential) */
    CERTCertList *own_certs; /* the whole own chain, alive as long as the session */
    bool handshake_done;
    bool failed;
    PRErrorCode error;     /* PR_GetError() of the failure */
    bool transport_closed; /* the peer's stream ended or broke */
    mg_nss_verify_error verify;
    int alert_sent;     /* the first alert this side sent, MG_NO_ALERT if none */
    int alert_received; /* the first alert this side received, MG_NO_ALERT if none */
    bool pha_requested; /* server: the post-handshake CertificateRequest went out */
    bool pha_refused;   /* server: the client did not offer it, and a certificate was required */
    CERTCertificate *alt_leaf;    /* client: the second credential's leaf (or NULL) */
    CERTCertList *alt_certs;      /* ... and its chain, alive as long as the session */
    char peer_id[64]; /* client: the session cache key of a resumption client (nss_resume.c) */
};

/* Resumption (nss_resume.c): the client's peer id, the server's session cache, and the
 * client's saved session. */
SECStatus mg_nss_setup_resumption(mg_session *s);
mg_ticket *mg_nss_ticket_take(mg_session *s);
bool mg_nss_ticket_offer(mg_session *s, const mg_ticket *ticket);
void mg_nss_ticket_free(mg_ticket *ticket);
void mg_nss_resumption_state(mg_session *s, mg_resumption_state *out);

/* Post-handshake authentication (nss_pha.c): the client's offer, the server's request, and
 * the refusal to ask a client that did not offer it as an outcome. */
SECStatus mg_nss_setup_post_handshake(PRFileDesc *fd, const mg_side_config *cfg);
mg_io_status mg_nss_request_client_cert(mg_session *s, bool *sent);
bool mg_nss_post_handshake_refusal(const mg_session *s, mg_side_outcome *out);

/* NSS started once per process with no database (nss_init.c). */
MG_RESULT mg_nss_init(void);

/* Setup failures as verdicts (nss_failure.c): state SETUP_FAILED, the reason, NSS's error
 * code (0: none) with its name and text after the formatted words. */
void mg_nss_setup_failure(mg_side_outcome *why, mg_reason reason, PRErrorCode code,
                          const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static inline bool mg_nss_refused(const mg_side_outcome *why)
{
    return why->state == MG_SIDE_SETUP_FAILED;
}

/* A step that either fails the tool (MG_RESULT) or refuses the case (`why` filled). */
#define MG_NSS_STEP(expr, why)                                                                     \
    do {                                                                                           \
        MG_GUARD(expr);                                                                            \
        if (mg_nss_refused(why)) return MG_OK;                                                     \
    } while (0)

/* "SEC_ERROR_UNKNOWN_ISSUER (-8179): Peer's Certificate issuer is not recognized." */
void mg_nss_error_text(PRErrorCode code, char *buf, size_t len);

/* Files (nss_files.c): the certificates (PEM blocks or one DER), the CRLs, a private key. */
MG_RESULT mg_nss_read_certs(const char *path, mg_nss_ders *out, mg_side_outcome *why);
MG_RESULT mg_nss_read_crls(const char *path, mg_nss_ders *out, mg_side_outcome *why);
/* A credential's own: from `bytes` when given (`path` then only names them), else the file. */
MG_RESULT mg_nss_read_own_certs(const char *path, const mg_memory_file *bytes, mg_nss_ders *out,
                                mg_side_outcome *why);
MG_RESULT mg_nss_read_key(const char *path, const mg_memory_file *bytes, SECItem *out,
                          mg_side_outcome *why);
MG_RESULT mg_nss_read_der(const char *path, SECItem *out, mg_side_outcome *why);
void mg_nss_ders_free(mg_nss_ders *ders);
/* A copy of item at the end of out. */
MG_RESULT mg_nss_ders_append(mg_nss_ders *out, const SECItem *item);

/* The context's own credential (nss_credential.c, nss_pkcs12.c). */
MG_RESULT mg_nss_read_credential(mg_context *ctx, mg_side_outcome *why);
MG_RESULT mg_nss_read_pkcs12(mg_context *ctx, mg_side_outcome *why);
MG_RESULT mg_nss_import_key(mg_context *ctx, SECItem *pkcs8, const char *name,
                            mg_side_outcome *why);

/* Temporary certificates from DER (nss_certs.c): a list in the order of the items; each one
 * leaves NSS's store when the list is destroyed and nothing else holds it. */
MG_RESULT mg_nss_temp_certs(const mg_nss_ders *ders, CERTCertList **out);

/* Judging the peer (nss_auth.c): NSS's auth-certificate hook of a session. */
MG_RESULT mg_nss_setup_auth(mg_session *s, mg_side_outcome *why);

/* Judgements remembered within the process (nss_judged.c): the digest of a context, the
 * sessions alive (whose certificates share NSS's store), and the key of one judgement (false:
 * this one is not to be remembered). */
MG_RESULT mg_nss_judge_digest(mg_context *ctx);
void mg_nss_live_add(const mg_session *s);
void mg_nss_live_remove(const mg_session *s);
bool mg_nss_judgement_key(const mg_session *s, PRFileDesc *fd, PRBool check_sig,
                          PRBool is_server, unsigned char key[MG_NSS_DIGEST_LEN]);
bool mg_nss_judgement_find(const unsigned char key[MG_NSS_DIGEST_LEN], mg_nss_judgement *out);
void mg_nss_judgement_keep(const unsigned char key[MG_NSS_DIGEST_LEN],
                           const mg_nss_judgement *judgement);
size_t mg_nss_judgements_reused(void); /* how many judgements were given again */

/* Trust anchors held only while one verification runs (nss_trust.c). */
typedef struct {
    CERTCertList *certs;
    bool flags_set; /* minimal: CERT_ChangeCertTrust was applied and must be undone */
} mg_nss_anchors;
MG_RESULT mg_nss_anchors_open(const mg_context *ctx, bool set_flags, mg_nss_anchors *out);
void mg_nss_anchors_close(mg_nss_anchors *anchors);

/* CRLs and the stapled OCSP response, cached for one verification only (nss_revocation.c). */
MG_RESULT mg_nss_revocation_open(const mg_session *s, CERTCertificate *peer);
void mg_nss_revocation_close(const mg_session *s);

/* The CA names of a server's CertificateRequest (nss_ca_names.c): read with the context,
 * set on each server socket. */
MG_RESULT mg_nss_read_ca_names(mg_context *ctx, mg_side_outcome *why);
MG_RESULT mg_nss_setup_ca_names(mg_session *s, mg_side_outcome *why);

/* A client's second credential and the choice between its two (nss_select.c). */
MG_RESULT mg_nss_read_alt_credential(mg_context *ctx, mg_side_outcome *why);
/* Opens the second chain for the session (temporary certificates, so NSS can send it). */
MG_RESULT mg_nss_open_alt(mg_session *s, mg_side_outcome *why);
/* The leaf (0: the first credential, 1: the second, -1: none) to answer `names` with. */
int mg_nss_choose_credential(const mg_session *s, const CERTDistNames *names);

/* The server's credential and staple, the client's credential hook (nss_present.c). */
MG_RESULT mg_nss_setup_own(mg_session *s, mg_side_outcome *why);

/* The clock of a session: the pinned instant or the wall clock (nss_time.c). */
PRTime mg_nss_verify_time(const mg_side_config *config);
MG_RESULT mg_nss_setup_time(mg_session *s, mg_side_outcome *why);

/* Alerts sent and received (nss_alerts.c). */
MG_RESULT mg_nss_setup_alerts(mg_session *s, mg_side_outcome *why);

/* The NSPR I/O layer over mg_transport (nss_layer.c): a file descriptor for SSL_ImportFD. */
MG_RESULT mg_nss_transport_fd(mg_session *s, PRFileDesc **out);

/* The stack's functions. */
MG_RESULT mg_nss_context_new(const mg_side_config *config, mg_parsed_cache *parsed,
                             mg_context **out, mg_side_outcome *why);
void mg_nss_context_free(mg_context *ctx);
MG_RESULT mg_nss_session_new(mg_context *ctx, const mg_transport *io, mg_session **out,
                             mg_side_outcome *why);
void mg_nss_session_free(mg_session *session);
mg_io_status mg_nss_handshake(mg_session *session);
mg_io_status mg_nss_send(mg_session *session, const void *data, size_t len);
mg_io_status mg_nss_recv(mg_session *session, void *buf, size_t cap, size_t *got);
void mg_nss_outcome(mg_session *session, mg_side_outcome *out);

#endif
