/* What the parts of inspect --connect share. Internal to inspect/. */
#ifndef MG_LIVE_INTERNAL_H
#define MG_LIVE_INTERNAL_H

#include "live_connect.h"

#include <openssl/ssl.h>

MG_RESULT mg_live_tcp_connect(const mg_live_request *req, double deadline, int *fd);

/* What libssl's callbacks record during one attempt (the SSL's app data). */
typedef struct {
    mg_live_attempt *attempt;
    bool handshake_done; /* a CertificateRequest after this is a post-handshake one */
    bool ticket;         /* a NewSessionTicket arrived */
    int alert;           /* the fatal alert the server sent; -1: none */
    bool ended;          /* the connection ended after the handshake: no close_notify to send */
    bool out_of_memory;
} mg_live_capture;

/* Sets the context's callbacks: the chain as sent, the CertificateRequest (answered with no
 * certificate), alerts and session tickets, each into the SSL's mg_live_capture. */
void mg_live_capture_install(SSL_CTX *ctx);

/* One attempt pinned to a version (TLS1_2_VERSION or TLS1_3_VERSION) on a connected fd.
 * MG_E_IO when the deadline passes (a hung peer); any TLS failure is an outcome. */
MG_RESULT mg_live_attempt_run(const mg_live_request *req, int version, int fd, double deadline,
                              mg_live_attempt *out);

void mg_live_request_free(mg_live_cert_request *r);

#endif
