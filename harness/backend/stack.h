/* One interface, one backend per TLS stack, in the manner of curl's lib/vtls: a table of
 * function pointers with the stack's name first and a capability mask. The caller owns every
 * context and session; a backend keeps its private state behind the opaque types. */
#ifndef MG_STACK_H
#define MG_STACK_H

#include "axes.h"
#include "mg_result.h"
#include "outcome.h"
#include "parsed_cache.h"
#include "stack_tools.h"
#include "tool_words.h"
#include "transport.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>

/* Server side: whether a client certificate is asked for and whether it must verify. */
typedef enum {
    MG_PEER_REQUIRED, /* ask, fail without one, fail when it does not verify */
    MG_PEER_OPTIONAL, /* ask, accept none, fail when one is sent and does not verify */
    MG_PEER_NONE,     /* do not ask */
} mg_peer_check;

/* What a backend can express. A case that needs a capability the backend lacks is graded
 * skip, never pass or fail. */
enum {
    MG_CAP_TLS12 = 1u << 0,
    MG_CAP_TLS13 = 1u << 1,
    MG_CAP_PKCS12 = 1u << 2,
    MG_CAP_CRL = 1u << 3,
    MG_CAP_OCSP_STAPLE = 1u << 4,    /* server staples a given response (see MG_CAP_OCSP) */
    MG_CAP_PINNED_TIME = 1u << 5,    /* verification at a given instant */
    MG_CAP_HOST_IP = 1u << 6,        /* verify an IP address against iPAddress SANs */
    MG_CAP_SAN_ONLY = 1u << 7,       /* host name checked without CN fallback */
    MG_CAP_SKIP_KEY_CHECK = 1u << 8, /* load a certificate with a key that does not match it */
    MG_CAP_KEYLOG = 1u << 9,         /* NSS key log lines */
    MG_CAP_MAX_DEPTH = 1u << 10,
    MG_CAP_OCSP = 1u << 11,          /* client requires a stapled response and judges it */
    /* TLS 1.3 post-handshake authentication (RFC 8446 4.6.2): a client that offers the
     * post_handshake_auth extension and answers a later CertificateRequest, a server that
     * sends one (request_client_cert) and judges what comes back as in the handshake. */
    MG_CAP_POST_HANDSHAKE_AUTH = 1u << 12,
    /* server: its CertificateRequest names the CAs it trusts, or none, as it is told
     * (mg_side_config.ca_names), in TLS 1.2 and 1.3; a backend without it does what its
     * stack can of that (maybe nothing), so only scenarios that set `ca-names` need it */
    MG_CAP_CA_NAMES = 1u << 13,
    /* client: of several credentials, sends the one whose chain the server's CA names name,
     * and an empty Certificate when none does (mg_side_config.alt_credential) */
    MG_CAP_CLIENT_CERT_SELECT = 1u << 14,
    /* Session resumption (RFC 8446 2.2, RFC 5077): a server that issues tickets under one
     * fixed key shared by every resumption context of the process, a client that keeps the
     * session of one connection and offers it on the next (ticket_take, ticket_offer), and
     * both saying whether a connection resumed (resumption_state). */
    MG_CAP_RESUMPTION = 1u << 15,
    MG_CAP_COUNT = 16, /* how many bits above */
};

/* The capabilities by index (0 .. MG_CAP_COUNT-1; 0 past the end), by name ("crl", as
 * scenarios' `needs` and `mtlsgrid stacks` spell them) and in words for skip reasons. */
unsigned mg_cap_at(size_t index);
const char *mg_cap_name(unsigned cap); /* NULL for a bit that is no capability */
const char *mg_cap_text(unsigned cap);
bool mg_cap_from_name(const char *name, unsigned *cap);

/* Whether a backend may remember how a peer's chain was judged, within one worker, and give
 * the same judgement again for the same inputs (nss_judged.c, gnutls_judged.c, ossl_judged.c,
 * and wolfSSL's signature checks, wolfssl_signatures.c): on by
 * default, for the matrix's speed. MTLSGRID_REMEMBER_JUDGEMENTS=0 runs every stack's own
 * verifier in every case, for whoever suspects the memory itself (a verifier that keeps state
 * of its own between calls); the verdicts must be the same either way. Inline (a copy per
 * file that asks, each reading the variable once) so that every backend has it however the
 * static libraries are ordered on a link line. */
static inline bool mg_remember_judgements(void)
{
    static int remember = -1;
    if (remember < 0) {
        const char *v = getenv("MTLSGRID_REMEMBER_JUDGEMENTS");
        remember = !(v && v[0] == '0' && !v[1]);
    }
    return remember == 1;
}

/* Server: the distinguished names its CertificateRequest lists (RFC 5246 7.4.4
 * certificate_authorities; RFC 8446 4.2.4, the certificate_authorities extension). */
typedef enum {
    MG_CA_NAMES_DEFAULT, /* whatever the stack sends unless told (OpenSSL none, GnuTLS all) */
    MG_CA_NAMES_TRUSTED, /* the subjects of the trust file's certificates, in file order, as
                          * nginx's ssl_client_certificate makes OpenSSL send them */
    MG_CA_NAMES_NONE,    /* none: an empty list (TLS 1.2), no extension (TLS 1.3) */
} mg_ca_names;

/* A credential: a certificate file (PEM or DER; PEM may hold leaf then chain) and its key,
 * or a PKCS#12 bundle with its password. All NULL: no credential. */
typedef struct {
    const char *cert_file;
    const char *key_file;
    const char *p12_file;
    const char *p12_password;
} mg_credential;

/* Bytes a credential is read from instead of a file: what the file would hold, byte for
 * byte (PEM or DER), owned by the caller (who wipes a key's when done) and outliving every
 * context made from them. */
typedef struct {
    const unsigned char *data; /* NULL: not given */
    size_t len;
    const char *name; /* where they came from, for messages ("cli.key", as the user gave it) */
} mg_memory_file;

/* A credential's certificates and key in memory, standing in for credential.cert_file and
 * key_file, so that a user's private key (decrypted, or taken out of a combined file) reaches
 * the stacks without a copy on disk. Every backend takes them from memory (OpenSSL from a
 * memory BIO, GnuTLS from a datum, wolfSSL and NSS from their buffers); a stack that could
 * not would have to say so here, and its caller write a private temporary file instead.
 * Of a file and its bytes, the bytes are read; the file, if named, is not opened. (Beside
 * mg_credential, not in it, so that the credential's positional initializers stay
 * complete.) */
typedef struct {
    mg_memory_file cert;
    mg_memory_file key;
} mg_credential_bytes;

/* Everything one side needs; the same struct configures client and server. Paths stay owned
 * by the caller and must outlive the context made from them. */
typedef struct mg_side_config {
    mg_role role;
    mg_tls_version tls;
    mg_policy policy;
    mg_credential credential;
    mg_credential_bytes credential_bytes; /* in memory instead of credential.cert/key_file */
    const char *trust_file;  /* PEM: CAs trusted for the peer's chain (NULL: trust none) */
    const char *crl_file;    /* PEM: CRLs, checked for the whole chain under strict */
    const char *ocsp_file;   /* server: DER OCSP response to staple */
    bool require_ocsp;       /* client: a stapled OCSP response must be present and good */
    const char *server_name; /* client: SNI and the name verified (DNS name or IP literal) */
    mg_peer_check peer_check; /* server only */
    bool limit_depth;        /* false: the stack's default chain depth */
    int max_depth;           /* with limit_depth: issuers allowed above the leaf (0: the
                              * leaf's issuer must be a trust anchor) */
    bool pin_time;           /* false: verify at the wall clock */
    int64_t verify_time;     /* with pin_time: seconds since the epoch to verify at */
    bool skip_key_check;     /* load the credential even if key and certificate disagree */
    /* Judge this side's own credential by the system's crypto policy, as curl and nginx do
     * (OpenSSL's configured security level). false, the matrix's way: a weak credential of
     * our own is sent, for the peer to judge. */
    bool screen_own_credential;
    const char *keylog_file; /* append NSS key log lines here (NULL: none) */
    /* TLS 1.3 post-handshake authentication (MG_CAP_POST_HANDSHAKE_AUTH). Client: offer the
     * post_handshake_auth extension and answer a CertificateRequest after the handshake.
     * Server: ask for no certificate in the handshake but after it (request_client_cert),
     * judging the answer by peer_check. */
    bool offer_post_handshake_auth; /* client only */
    bool ask_after_handshake;       /* server only */
    mg_ca_names ca_names;    /* server only; honoured by stacks with MG_CAP_CA_NAMES */
    /* Client only: a second credential it holds (files; all NULL: none). With one, a stack
     * with MG_CAP_CLIENT_CERT_SELECT answers a CertificateRequest with whichever of the two
     * the server's CA names name (the first when the list is empty), or with no certificate;
     * mg_config_needs asks for that capability. */
    mg_credential alt_credential;
    /* Session resumption (MG_CAP_RESUMPTION). Server: issue tickets under the process's
     * fixed ticket key (so another resumption context accepts them). Client: nothing more;
     * the driver takes the session after one connection and offers it on the next. */
    bool resumption;
} mg_side_config;

static inline bool mg_side_has_cert(const mg_side_config *c)
{
    return c->credential.cert_file || c->credential_bytes.cert.data;
}

static inline bool mg_side_has_key(const mg_side_config *c)
{
    return c->credential.key_file || c->credential_bytes.key.data;
}

/* For messages: the PKCS#12's or the file's path, or the name of the bytes. */
static inline const char *mg_side_cert_name(const mg_side_config *c)
{
    if (c->credential.p12_file) return c->credential.p12_file;
    if (!c->credential_bytes.cert.data) return c->credential.cert_file;
    return c->credential_bytes.cert.name ? c->credential_bytes.cert.name
                                         : "the certificates in memory";
}

static inline const char *mg_side_key_name(const mg_side_config *c)
{
    if (c->credential.p12_file) return c->credential.p12_file;
    if (!c->credential_bytes.key.data) return c->credential.key_file;
    return c->credential_bytes.key.name ? c->credential_bytes.key.name
                                        : "the private key in memory";
}

typedef struct mg_context mg_context; /* credentials and settings, shared by sessions */
typedef struct mg_ticket mg_ticket;   /* a client's saved session (stack-specific) */

/* After a handshake: whether this side resumed a session, and whether it holds the peer's
 * certificate (a resumed server keeps the client's identity from the ticket). */
typedef struct {
    bool resumed;
    bool peer_cert;
} mg_resumption_state;
typedef struct mg_session mg_session; /* one connection */

typedef enum {
    MG_IO_DONE,   /* the call completed */
    MG_IO_WANT,   /* needs the peer to move first (non-blocking transport) */
    MG_IO_FAILED, /* failed: outcome() says why */
} mg_io_status;

typedef struct mg_stack {
    const char *name;    /* lower case, used in case ids, flags and file names */
    const char *display; /* for people: the library's own spelling */
    unsigned caps;       /* MG_CAP_* */
    /* context_new keeps what it parses in the parsed cache and takes it from there, so the
     * contexts of one worker parse each credential file once (tests hold it to this). */
    bool shares_parsed;

    /* Its stock command-line tools, for repro bundles and bench (NULL: none). */
    const mg_stack_tools *tools;
    /* What the stack prints for each inspect cause, NULL-terminated (NULL: nothing known). */
    const mg_tool_words *inspect_words;
    /* Its certificate-verifying tool, which inspect runs where it is installed (NULL: none). */
    const mg_verify_tool *verify_tool;

    /* The library's version, for reports and version-scoped divergences. */
    const char *(*version)(void);

    /* Parses credentials and trust once. On failure returns MG_OK with *out NULL and `why`
     * filled (state SETUP_FAILED, reason bad-credential or key-mismatch, the native text):
     * that is the case's verdict, not an error of the tool. With `parsed` (may be NULL), what
     * was parsed for an earlier context of the same files is reused and what is parsed now is
     * kept there; the context holds its own references, so either may be freed first. */
    MG_RESULT (*context_new)(const mg_side_config *config, mg_parsed_cache *parsed,
                             mg_context **out, mg_side_outcome *why);
    void (*context_free)(mg_context *ctx);

    /* A connection over `io`. Same failure convention as context_new. */
    MG_RESULT (*session_new)(mg_context *ctx, const mg_transport *io, mg_session **out,
                             mg_side_outcome *why);
    void (*session_free)(mg_session *session);

    mg_io_status (*handshake)(mg_session *session);
    mg_io_status (*send)(mg_session *session, const void *data, size_t len);
    mg_io_status (*recv)(mg_session *session, void *buf, size_t cap, size_t *got);

    /* Server, after the handshake, for ask_after_handshake (NULL without
     * MG_CAP_POST_HANDSHAKE_AUTH): sends a post-handshake CertificateRequest. The client's
     * answer is judged while recv reads on. A client that did not offer post_handshake_auth
     * must not be sent one (RFC 8446 4.6.2): then *sent is false, and the call is DONE when
     * peer_check accepts a client without a certificate, else FAILED with the refusal
     * recorded for outcome() (rejected the peer: no-certificate). */
    mg_io_status (*request_client_cert)(mg_session *session, bool *sent);

    /* Resumption (all NULL without MG_CAP_RESUMPTION). Client, after its connection: the
     * session to resume (NULL: none was issued), freed by ticket_free. Client, before its
     * handshake: offers the session (false: the stack would not take it). Either side,
     * after the handshake: whether it resumed, and whether it holds the peer's certificate. */
    mg_ticket *(*ticket_take)(mg_session *session);
    bool (*ticket_offer)(mg_session *session, const mg_ticket *ticket);
    void (*ticket_free)(mg_ticket *ticket);
    void (*resumption_state)(mg_session *session, mg_resumption_state *out);

    /* Fills what this side did and why (state, reason, native code and text, alerts). */
    void (*outcome)(mg_session *session, mg_side_outcome *out);
} mg_stack;

#endif
