/* The GnuTLS backend's private state, shared by the files of harness/gnutls/. The stack
 * interface hands out opaque mg_context / mg_session pointers; this backend's are these
 * structs, converted at the boundary by mg_gnutls_ctx() and mg_gnutls_sess(). */
#ifndef MG_GNUTLS_INTERNAL_H
#define MG_GNUTLS_INTERNAL_H

#include "stack.h"

#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <stdbool.h>

/* A chain and its key. Once set in credentials, these own the contents; the array stays ours. */
typedef struct {
    gnutls_pcert_st *pcerts;
    unsigned count;
    gnutls_privkey_t key;
} mg_gnutls_key_pair;

/* Everything the GnuTLS credentials hold for one side. GnuTLS credentials take ownership of
 * the key and chain they are given and count no references, so instead of sharing parsed
 * keys, contexts with the same files and settings share the whole credentials: reference
 * counted here, kept in the parsed cache (gnutls_credentials.c). Nothing in them depends on
 * the TLS version, which each session sets. */
typedef struct {
    unsigned refs;
    unsigned long serial; /* unique for the life of the process (gnutls_judged.c keys by it) */
    gnutls_certificate_credentials_t creds;
    gnutls_datum_t ocsp_response; /* server: the DER response stapled as it is */
    mg_gnutls_key_pair pair;      /* this side's credential (count 0: none) */
    gnutls_x509_crl_t *crls;      /* strict: the CRLs again, for their validity periods */
    unsigned crl_count;
} mg_gnutls_credentials;

typedef struct {
    mg_side_config config; /* a copy; the paths stay owned by the caller */
    mg_gnutls_credentials *cred; /* one reference */
    gnutls_priority_t priority; /* "NORMAL:-VERS-ALL:+VERS-TLS1.x", parsed once */
} mg_gnutls_context;

typedef struct {
    mg_gnutls_context *ctx;
    gnutls_session_t tls;
    mg_transport io;

    /* What strict verification is told (gnutls_session_set_verify_cert2 data). */
    gnutls_typed_vdata_st vdata[2];
    unsigned vdata_count;
    unsigned char ip[16]; /* the server name as a raw address when it is an IP literal */

    /* What happened, for outcome(). */
    bool handshake_done;
    bool peer_sent_certificate_msg; /* a Certificate message (maybe empty) came from the peer */
    bool peer_listed_certificates;  /* ... and it held at least one certificate */
    int failure;            /* the GnuTLS error this side failed with; 0: none */
    bool verify_ran;        /* our verification callback judged the peer */
    int verify_error;       /* gnutls_certificate_verify_peers' own error (no status) */
    unsigned verify_status; /* gnutls_certificate_status_t bits */
    int alert_sent, alert_received;
    size_t sent; /* bytes of the current message already sent (after a WANT) */
    bool pha_requested; /* server: the post-handshake request is under way (gnutls_reauth) */
} mg_gnutls_session;

static inline mg_gnutls_context *mg_gnutls_ctx(mg_context *ctx) { return (mg_gnutls_context *)ctx; }
static inline mg_gnutls_session *mg_gnutls_sess(mg_session *s) { return (mg_gnutls_session *)s; }

/* Fills `why` as a setup failure with this reason and the stack's words. */
void mg_gnutls_setup_failed(mg_side_outcome *why, mg_reason reason, int native, const char *fmt,
                            ...) __attribute__((format(printf, 4, 5)));

/* The credentials, trust, CRLs and OCSP staple `config` names: a new reference to those an
 * earlier context with the same files and settings made (kept in `parsed`, may be NULL), or
 * made now. A bad file leaves *out NULL and fills `why`; MG_RESULT failures are for the
 * tool's own errors (memory). */
MG_RESULT mg_gnutls_credentials_get(const mg_side_config *config, mg_parsed_cache *parsed,
                                    mg_gnutls_credentials **out, mg_side_outcome *why);
void mg_gnutls_credentials_put(mg_gnutls_credentials *cred);

/* This side's certificate chain and key (gnutls_keypair.c); false with `why` filled when a
 * file is missing, corrupt, locked by another password, or the key does not match. */
bool mg_gnutls_load_key_pair(mg_gnutls_credentials *cred, const mg_side_config *config,
                             mg_parsed_cache *parsed, mg_side_outcome *why);

/* One file of a credential as parsed (gnutls_key_files.c): a chain file fills crts, a key
 * file fills key, a PKCS#12 bundle both. Reference counted; the parsed cache holds one. */
typedef enum {
    MG_GNUTLS_CHAIN_FILE,
    MG_GNUTLS_KEY_FILE,
    MG_GNUTLS_PKCS12_FILE,
} mg_gnutls_file_kind;
typedef struct {
    unsigned refs;
    gnutls_x509_crt_t *crts;
    unsigned count;
    gnutls_x509_privkey_t key;
} mg_gnutls_parsed;

/* A reference to `path` parsed, or to `bytes` when they are given (from `cache` when an earlier
 * context parsed the same, which may be NULL); a GnuTLS error code, *out NULL, when the file
 * cannot be read as that kind. */
int mg_gnutls_parsed_get(mg_parsed_cache *cache, mg_gnutls_file_kind kind, const char *path,
                         const mg_memory_file *bytes, const char *password, mg_gnutls_parsed **out);
void mg_gnutls_parsed_put(mg_gnutls_parsed *parsed);

/* PEM when the data holds a PEM header, else DER. */
gnutls_x509_crt_fmt_t mg_gnutls_format_of(const gnutls_datum_t *data);

/* Strict CRL validity periods (gnutls_crl_time.c): the CRLs of `crl_file`, and the
 * REVOCATION_DATA_* status bits for those covering the peer's chain (0 when all are current). */
MG_RESULT mg_gnutls_load_crl_list(mg_gnutls_credentials *cred, const char *crl_file);
void mg_gnutls_free_crl_list(mg_gnutls_credentials *cred);
unsigned mg_gnutls_crl_time_status(const mg_gnutls_session *s);

/* gnutls_certificate_verify_peers with the session's typed data, or what it gave for the same
 * chain judged by a side that reads alike earlier in this process (gnutls_judged.c). */
int mg_gnutls_verify_peers(mg_gnutls_session *s, unsigned *status);

/* Per-session verification per policy and role (gnutls_session_set_verify_cert[2] or the
 * strict callback). */
MG_RESULT mg_gnutls_setup_verification(mg_gnutls_session *s);

/* Makes GnuTLS read the clock at the side's pinned instant, or the wall clock again when it
 * has none. Process-global. */
void mg_gnutls_use_time(const mg_side_config *config);

/* gnutls_session_set_keylog_function target writing NSS key log lines to the context's file. */
int mg_gnutls_keylog(gnutls_session_t tls, const char *label, const gnutls_datum_t *secret);

/* The peer's certificates as received (gnutls_peer_cert.c): how many, and whether the leaf has
 * a keyUsage extension without digitalSignature (present but unfit to sign the handshake). */
unsigned mg_gnutls_peer_cert_count(gnutls_session_t tls);
bool mg_gnutls_peer_leaf_cannot_sign(gnutls_session_t tls);
/* The same question of this side's own leaf. */
bool mg_gnutls_own_leaf_cannot_sign(const mg_gnutls_session *s);

/* Records why this side stopped and, where GnuTLS has not, tells the peer by an alert. */
void mg_gnutls_note_failure(mg_gnutls_session *s, int error);

/* Post-handshake authentication (gnutls_pha.c): the gnutls_init flags a side needs, and the
 * server's request. */
unsigned mg_gnutls_post_handshake_flags(const mg_side_config *config);
mg_io_status mg_gnutls_request_client_cert(mg_session *session, bool *sent);

/* The stack interface's session functions (gnutls_session.c) and outcome. */
/* Resumption (gnutls_resume.c): tickets on (init flags) and the server's process-wide key. */
unsigned mg_gnutls_ticket_flags(const mg_side_config *cfg);
int mg_gnutls_setup_resumption(mg_gnutls_session *s);
mg_ticket *mg_gnutls_ticket_take(mg_session *session);
bool mg_gnutls_ticket_offer(mg_session *session, const mg_ticket *ticket);
void mg_gnutls_ticket_free(mg_ticket *ticket);
void mg_gnutls_resumption_state(mg_session *session, mg_resumption_state *out);

MG_RESULT mg_gnutls_session_new(mg_context *ctx, const mg_transport *io, mg_session **out,
                                mg_side_outcome *why);
void mg_gnutls_session_free(mg_session *session);
mg_io_status mg_gnutls_handshake(mg_session *session);
mg_io_status mg_gnutls_send(mg_session *session, const void *data, size_t len);
mg_io_status mg_gnutls_recv(mg_session *session, void *buf, size_t cap, size_t *got);
void mg_gnutls_outcome(mg_session *session, mg_side_outcome *out);

#endif
