/* Private state of the wolfSSL backend, shared by its files.
 *
 * A context holds the side's files read and parsed once and one WOLFSSL_CTX built from them,
 * which its sessions share. Sharing needs care: wolfSSL 5.5.4 adds each CA certificate of a
 * peer chain it verified to the WOLFSSL_CTX's certificate manager (AddCA with
 * WOLFSSL_CHAIN_CA, src/internal.c ProcessPeerCerts) and trusts it for later connections, and
 * marks a CRL verified once it checked its signature with whichever CA it found (src/crl.c
 * CheckCertCRLList). So before every session but the first, the context forgets what earlier
 * sessions taught it (mg_wolf_forget_learned: the CA table unloaded and the trust store
 * reloaded from the bytes read once, the CRLs reinstalled), and a session that would share
 * the WOLFSSL_CTX with one still alive, or whose client requires a stapled OCSP response
 * (the certificate manager caches OCSP status), gets a WOLFSSL_CTX of its own. */
#ifndef MG_WOLFSSL_INTERNAL_H
#define MG_WOLFSSL_INTERNAL_H

#include <wolfssl/options.h> /* first: the build's feature macros */

#include <wolfssl/ssl.h>

#include "stack.h"

#include <stdbool.h>
#include <stddef.h>

/* Bytes read from a file, with the encoding wolfSSL is to be told. */
typedef struct {
    unsigned char *data;
    size_t len;
    int format; /* WOLFSSL_FILETYPE_PEM or WOLFSSL_FILETYPE_ASN1 */
} mg_wolf_blob;

struct mg_context {
    mg_side_config config;     /* paths stay owned by the caller */
    mg_wolf_blob own_chain;    /* leaf then chain, PEM (PKCS#12 is converted to PEM) */
    mg_wolf_blob own_key;      /* PEM or DER private key */
    mg_wolf_blob trust;        /* PEM CAs trusted for the peer */
    WOLFSSL_X509_CRL **crls;   /* strict: the CRLs of crl_file, parsed once */
    size_t crl_count;
    mg_wolf_blob ocsp;         /* server: the DER response to staple */
    bool server_name_is_ip;    /* client: verify an iPAddress SAN, send no SNI */
    WOLFSSL_CTX *wctx;         /* shared by the sessions, see above */
    bool wctx_used;            /* a session ran on wctx: forget what it learned first */
    unsigned live_sessions;    /* sessions on wctx not yet freed */
};

/* What the verify callback saw first: wolfSSL judges the chain from its top down. */
typedef struct {
    bool seen;
    int code;  /* wolfSSL's own (negative) error code */
    int depth; /* 0: the peer's leaf */
} mg_wolf_verify_error;

struct mg_session {
    mg_context *ctx;
    WOLFSSL_CTX *own_wctx; /* NULL: the session runs on ctx->wctx, see above */
    WOLFSSL *ssl;
    mg_transport io; /* a copy: the I/O callbacks move bytes through it */
    bool handshake_done;
    bool failed;
    int error;              /* wolfSSL_get_error() of the failure */
    bool transport_closed;  /* the peer's stream ended or broke */
    mg_wolf_verify_error verify;
    int alert_sent; /* the first alert this side sent, MG_NO_ALERT if none */
    bool pha_requested; /* server: the post-handshake CertificateRequest went out */
    bool pha_refused;   /* server: the client did not offer it, and a certificate was required */
};

/* Fills `why` as a setup failure (the case's verdict): state SETUP_FAILED, the reason, the
 * native code and the formatted text followed by wolfSSL's words for the code. */
void mg_wolf_setup_failure(mg_side_outcome *why, mg_reason reason, int code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static inline bool mg_wolf_refused(const mg_side_outcome *why)
{
    return why->state == MG_SIDE_SETUP_FAILED;
}

/* A step that either fails the tool (MG_RESULT) or refuses the case (`why` filled). */
#define MG_WOLF_STEP(expr, why)                                                                    \
    do {                                                                                           \
        MG_GUARD(expr);                                                                            \
        if (mg_wolf_refused(why)) return MG_OK;                                                   \
    } while (0)

/* wolfSSL's text for one of its error codes. */
void mg_wolf_error_text(int code, char *buf, size_t len);

/* Files (wolfssl_files.c): a capped read, PEM or DER told apart by the PEM header. */
MG_RESULT mg_wolf_read_file(const char *path, mg_wolf_blob *out, mg_side_outcome *why);
void mg_wolf_blob_free(mg_wolf_blob *blob);

/* The context's own credential: PEM/DER files or a PKCS#12 bundle (wolfssl_pkcs12.c). */
MG_RESULT mg_wolf_read_credential(mg_context *ctx, mg_side_outcome *why);
MG_RESULT mg_wolf_read_pkcs12(mg_context *ctx, mg_side_outcome *why);

/* The CRLs of crl_file, parsed once (wolfssl_crl.c), and installed in a WOLFSSL_CTX. */
MG_RESULT mg_wolf_read_crls(mg_context *ctx, mg_side_outcome *why);
void mg_wolf_free_crls(mg_context *ctx);
MG_RESULT mg_wolf_install_crls(const mg_context *ctx, WOLFSSL_CTX *wctx, mg_side_outcome *why);

/* A WOLFSSL_CTX with everything the context says (wolfssl_build.c), and the same WOLFSSL_CTX
 * brought back to that: the CAs and CRL state earlier sessions left in it dropped. */
/* Resumption (wolfssl_resume.c): tickets off, or the fixed-key ticket callback (server) and
 * session tickets offered (client); the client's saved session. */
MG_RESULT mg_wolf_setup_resumption(const mg_side_config *cfg, WOLFSSL_CTX *wctx);
mg_ticket *mg_wolf_ticket_take(mg_session *s);
bool mg_wolf_ticket_offer(mg_session *s, const mg_ticket *ticket);
void mg_wolf_ticket_free(mg_ticket *ticket);
void mg_wolf_resumption_state(mg_session *s, mg_resumption_state *out);

MG_RESULT mg_wolf_build(const mg_context *ctx, WOLFSSL_CTX **out, mg_side_outcome *why);
/* The signature algorithms a WOLFSSL offers (wolfssl_build.c says why per WOLFSSL). */
MG_RESULT mg_wolf_setup_sigalgs(WOLFSSL *ssl);
MG_RESULT mg_wolf_forget_learned(const mg_context *ctx, WOLFSSL_CTX *wctx, mg_side_outcome *why);

/* Verification settings of a WOLFSSL_CTX and of one WOLFSSL (wolfssl_verify.c). */
MG_RESULT mg_wolf_setup_verify(const mg_context *ctx, WOLFSSL_CTX *wctx, mg_side_outcome *why);
MG_RESULT mg_wolf_setup_peer_name(mg_session *s, mg_side_outcome *why);

/* OCSP stapling (wolfssl_ocsp.c): the server's staple, the client's requirement. */
MG_RESULT mg_wolf_setup_ocsp(const mg_context *ctx, WOLFSSL_CTX *wctx, mg_side_outcome *why);
/* Server: the CA names its CertificateRequest lists (wolfssl_ca_names.c). */
MG_RESULT mg_wolf_setup_ca_names(const mg_context *ctx, WOLFSSL_CTX *wctx, mg_side_outcome *why);
MG_RESULT mg_wolf_setup_ocsp_session(mg_session *s, mg_side_outcome *why);

/* The clock wolfSSL verifies with (wolfssl_time.c): process-wide. */
void mg_wolf_use_time(const mg_side_config *config);

/* Alerts (wolfssl_alerts.c): tracking set on a WOLFSSL_CTX, and what a session saw. */
void mg_wolf_setup_alert_tracking(WOLFSSL_CTX *wctx);
void mg_wolf_alerts(const mg_session *s, mg_side_outcome *out);

/* The session a WOLFSSL belongs to. */
mg_session *mg_wolf_session_of(WOLFSSL *ssl);

/* Post-handshake authentication (wolfssl_pha.c): the client's offer, the server's verify-mode
 * bit, the request, and the refusal to ask a client that did not offer it as an outcome. */
void mg_wolf_setup_post_handshake(const mg_context *ctx, WOLFSSL_CTX *wctx);
int mg_wolf_post_handshake_verify_flag(const mg_side_config *cfg);
mg_io_status mg_wolf_request_client_cert(mg_session *s, bool *sent);
bool mg_wolf_post_handshake_refusal(const mg_session *s, mg_side_outcome *out);

/* I/O callbacks over mg_transport (wolfssl_io.c). */
void mg_wolf_attach_transport(mg_session *s);

/* The stack's functions. */
MG_RESULT mg_wolf_context_new(const mg_side_config *config, mg_parsed_cache *parsed,
                              mg_context **out, mg_side_outcome *why);
void mg_wolf_context_free(mg_context *ctx);
MG_RESULT mg_wolf_session_new(mg_context *ctx, const mg_transport *io, mg_session **out,
                              mg_side_outcome *why);
void mg_wolf_session_free(mg_session *session);
mg_io_status mg_wolf_handshake(mg_session *session);
mg_io_status mg_wolf_send(mg_session *session, const void *data, size_t len);
mg_io_status mg_wolf_recv(mg_session *session, void *buf, size_t cap, size_t *got);
void mg_wolf_outcome(mg_session *session, mg_side_outcome *out);

/* Whether the credential's key matches its leaf by wolfSSL_CTX_check_private_key, loaded into
 * wctx from these bytes; asked once per process for the same bytes (wolfssl_key_check.c). A
 * leaf wolfSSL cannot parse is not checked: it is sent, for the peer to judge. */
bool mg_wolf_key_matches(WOLFSSL_CTX *wctx, const mg_wolf_blob *chain, const mg_wolf_blob *key);

/* The handshake's ECDSA checks through wolfSSL's verify callback, each remembered for the same
 * key, digest and signature (wolfssl_signatures.c). */
void mg_wolf_setup_signature_checks(WOLFSSL_CTX *wctx);

#endif
