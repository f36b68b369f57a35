/* inspect --connect HOST:PORT: what a live TLS server presents, seen through OpenSSL's libssl
 * as a client that holds no certificate: the chain it sends (judged afterwards by the checks,
 * as a FILE would be) and, when it asks for a client certificate, what its CertificateRequest
 * says. Two attempts, one pinned to TLS 1.2 and one to TLS 1.3, since the two versions carry
 * the request differently (RFC 5246 7.4.4; RFC 8446 4.3.2, 4.6.2). */
#ifndef MG_LIVE_CONNECT_H
#define MG_LIVE_CONNECT_H

#include "mg_result.h"

#include <openssl/x509.h>

#include <stdbool.h>
#include <stddef.h>

/* "HOST:PORT" or "[IPv6]:PORT" into host (len bytes) and port; MG_E_USAGE naming --connect. */
MG_RESULT mg_live_parse_target(const char *text, char *host, size_t len, unsigned *port);

typedef struct {
    const char *target;     /* as the user wrote it, for messages */
    const char *host;       /* from the target */
    unsigned port;
    const char *servername; /* SNI; NULL: the host when it is a DNS name, else none */
    double timeout;         /* seconds for everything, both attempts, connecting included */
    double listen;          /* seconds to read after a TLS 1.3 handshake (see live_attempt.c) */
} mg_live_request;

/* A signature scheme as TLS numbers it (RFC 8446 4.2.3) and its IANA name ("" if unknown). */
typedef struct {
    unsigned code;
    const char *name;
} mg_live_sigalg;

typedef struct {
    bool post_handshake;     /* sent after the handshake (TLS 1.3 post-handshake auth) */
    char **ca_names;         /* the acceptable CA names, as openssl x509 -subject prints them */
    size_t ca_count;
    size_t ca_list_bytes;    /* the list as sent: each DER name with its 2-byte length */
    mg_live_sigalg *sigalgs; /* its signature_algorithms, in its order */
    size_t sigalg_count;
    mg_live_sigalg *shared;  /* those this client supports too, in the server's preference */
    size_t shared_count;
    unsigned char *cert_types; /* TLS 1.2's certificate_types (RFC 5246 7.4.4) */
    size_t cert_type_count;
} mg_live_cert_request;

typedef enum {
    MG_LIVE_COMPLETED,     /* the handshake finished (with an empty Certificate if asked) */
    MG_LIVE_CERT_REQUIRED, /* asked, then refused the empty Certificate */
    MG_LIVE_VERSION_REFUSED,
    MG_LIVE_FAILED,
} mg_live_outcome;

typedef struct {
    const char *tls; /* "1.2" or "1.3" */
    mg_live_outcome outcome;
    char detail[768];      /* what happened, in words, with the alert and OpenSSL's error */
    char negotiated[96];   /* "TLSv1.3 TLS_AES_256_GCM_SHA384", "" when not negotiated */
    STACK_OF(X509) *chain; /* as the server sent it, leaf first; NULL when none arrived */
    bool asked;            /* a CertificateRequest arrived, in or after the handshake */
    mg_live_cert_request request;
    bool ticket_after_empty_cert; /* TLS 1.3: a session ticket came after our Finished */
    bool pha_offered;             /* TLS 1.3: the ClientHello carried post_handshake_auth */
    double listened;              /* TLS 1.3: seconds read after the handshake */
} mg_live_attempt;

typedef struct {
    mg_live_attempt attempts[2]; /* TLS 1.2, then TLS 1.3 */
} mg_live_result;

/* Both attempts. Bad input (exit 2): the target cannot be reached (MG_E_IO, naming it), or it
 * answers neither attempt within the timeout, or neither attempt brought a certificate. */
MG_RESULT mg_live_observe(const mg_live_request *req, mg_live_result *out);
void mg_live_result_free(mg_live_result *r);

/* Whether the server wants a client certificate, from what both attempts saw:
 * "required", "requested" (asked, then finished the handshake without one), "not-requested". */
const char *mg_live_client_certificate(const mg_live_result *r);

/* Names for people: "ecdsa_secp256r1_sha256", "rsa_sign"; NULL when unknown. */
const char *mg_live_sigalg_name(unsigned code);
const char *mg_live_cert_type_name(unsigned type);

#endif
