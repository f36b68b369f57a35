/* Private state of the OpenSSL backend, shared by its files: one SSL_CTX per context (all
 * parsing done once), one SSL per session with what this side learned while it ran. */
#ifndef MG_OSSL_INTERNAL_H
#define MG_OSSL_INTERNAL_H

#include "ossl_compat.h"
#include "stack.h"

#include <openssl/ssl.h>

#include <stdbool.h>
#include <stdio.h>

struct mg_context {
    SSL_CTX *ssl_ctx;
    mg_side_config config;    /* paths stay owned by the caller */
    bool server_name_is_ip;   /* client: verify an iPAddress SAN, send no SNI */
    unsigned char *ocsp_der;  /* server: the response to staple */
    size_t ocsp_len;
    FILE *keylog;             /* NSS key log, opened for append */
    /* OpenSSL's own security callback, consulted for everything but our own chain. */
    int (*default_security)(const SSL *s, const SSL_CTX *ctx, int op, int bits, int nid,
                            void *other, void *ex);
    int system_security_level; /* the level a new SSL_CTX has: the compiled one or openssl.cnf's */
    unsigned long store_serial; /* the trust store's, unique in the process (ossl_trust.c) */
    struct mg_ossl_choices *choices; /* client with two credentials (ossl_select.c); or NULL */
};

/* A judgement this side made itself, outside X509_verify_cert (the OCSP staple). */
typedef struct {
    mg_reason reason; /* MG_REASON_NONE: none made */
    long code;        /* an X509_V_ERR_* code, so the one reason table describes it */
    char text[128];
} mg_ossl_own_rejection;

struct mg_session {
    SSL *ssl;
    mg_transport io; /* a copy: the BIO reads and writes through it */
    bool handshake_done;
    bool failed;
    unsigned long ssl_error; /* the first packed ERR_* code of the failure, 0 if none */
    char failure_text[128];  /* what failed when the error queue said nothing */
    int first_verify_error;  /* X509_V_ERR_* the verify callback saw first, 0 if none */
    int first_verify_depth;
    bool first_verify_malformed; /* the certificate at that depth is one OpenSSL found invalid */
    bool first_verify_key_usage; /* error 26 at the leaf, for its keyUsage, not its EKU */
    mg_ossl_own_rejection own;
    int alert_sent;
    int alert_received;
    bool alert_sent_fatal;
    bool alert_received_fatal;
    bool pha_requested; /* server: the post-handshake CertificateRequest was accepted to send */
    bool pha_refused;   /* server: it could not be, and a certificate was required */
};

/* Fills `why` as a setup failure (the case's verdict, not an error of the tool) with the
 * formatted text and the first queued OpenSSL error; clears the queue; returns false. */
bool mg_ossl_setup_failure(mg_side_outcome *why, mg_reason reason, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Context building blocks, each true on success and false with `why` filled. */
bool mg_ossl_load_credential(mg_context *ctx, mg_parsed_cache *parsed, mg_side_outcome *why);
bool mg_ossl_load_trust(mg_context *ctx, mg_parsed_cache *parsed, mg_side_outcome *why);
bool mg_ossl_setup_verify(mg_context *ctx, mg_side_outcome *why);
/* libssl's replacement for X509_verify_cert (SSL_CTX_set_cert_verify_callback): the same call,
 * its judgement remembered for a chain judged alike again (ossl_judged.c). */
int mg_ossl_verify_chain(X509_STORE_CTX *store_ctx, void *arg);
bool mg_ossl_setup_ocsp(mg_context *ctx, mg_side_outcome *why);
MG_RESULT mg_ossl_setup_keylog(mg_context *ctx);
void mg_ossl_setup_alert_tracking(SSL_CTX *ssl_ctx);
void mg_ossl_setup_security(mg_context *ctx);
/* Server: the subjects of `trusted`, in order, as the CA names of CertificateRequest. */
bool mg_ossl_set_ca_names(mg_context *ctx, const STACK_OF(X509) *trusted);
/* Client with an alt_credential: reads both credentials and chooses between them by the
 * server's CA names (ossl_select.c); true without one. */
bool mg_ossl_setup_select(mg_context *ctx, mg_parsed_cache *parsed, mg_side_outcome *why);
void mg_ossl_choices_free(struct mg_ossl_choices *choices);
/* One credential's parts, from the parsed cache or read now (references the caller frees). */
bool mg_ossl_read_pair(mg_parsed_cache *parsed, const mg_credential *cred, X509 **leaf,
                       STACK_OF(X509) **chain, EVP_PKEY **key, mg_side_outcome *why);

/* Post-handshake authentication (ossl_pha.c): the client's offer, the server's verify-mode
 * bit, the request, and the refusal to ask a client that did not offer it as an outcome. */
void mg_ossl_setup_post_handshake(mg_context *ctx);
int mg_ossl_post_handshake_verify_flag(const mg_side_config *cfg);
mg_io_status mg_ossl_request_client_cert(mg_session *session, bool *sent);
bool mg_ossl_post_handshake_refusal(const mg_session *s, mg_side_outcome *out);

/* Resumption (ossl_resume.c): the server's fixed ticket key, the client's saved session. */
bool mg_ossl_setup_resumption(mg_context *ctx, mg_side_outcome *why);
mg_ticket *mg_ossl_ticket_take(mg_session *s);
bool mg_ossl_ticket_offer(mg_session *s, const mg_ticket *ticket);
void mg_ossl_ticket_free(mg_ticket *ticket);
void mg_ossl_resumption_state(mg_session *s, mg_resumption_state *out);

/* WANT for a retry, else FAILED with the failure recorded once (ossl_session.c). */
mg_io_status mg_ossl_status_of(mg_session *s, int ret);

/* The session an SSL belongs to (set by session_new), and the context of an SSL_CTX. */
mg_session *mg_ossl_session_of(const SSL *ssl);
mg_context *mg_ossl_context_of(const SSL_CTX *ssl_ctx);

/* A BIO that moves bytes through `io` (which must outlive it): WOULD_BLOCK becomes a retry,
 * CLOSED becomes end of stream. NULL when out of memory. */
BIO *mg_ossl_bio_new(const mg_transport *io);

/* The stack's functions, in their files. */
MG_RESULT mg_ossl_context_new(const mg_side_config *config, mg_parsed_cache *parsed,
                              mg_context **out, mg_side_outcome *why);
void mg_ossl_context_free(mg_context *ctx);
MG_RESULT mg_ossl_session_new(mg_context *ctx, const mg_transport *io, mg_session **out,
                              mg_side_outcome *why);
void mg_ossl_session_free(mg_session *session);
mg_io_status mg_ossl_handshake(mg_session *session);
mg_io_status mg_ossl_send(mg_session *session, const void *data, size_t len);
mg_io_status mg_ossl_recv(mg_session *session, void *buf, size_t cap, size_t *got);
void mg_ossl_outcome(mg_session *session, mg_side_outcome *out);

#endif
