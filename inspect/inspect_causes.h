/* The causes inspect can name, as data: for each, the words OpenSSL, GnuTLS, browsers and curl
 * print when they meet it (so an operator can match the log line in front of them) and the fix.
 * Strings were taken from OpenSSL 3.0 (X509_verify_cert_error_string, alert reasons), GnuTLS
 * 3.7 (gnutls_certificate_verification_status_print), curl 7.88 and Chrome/Firefox error
 * codes. The messages of a server certificate are those its clients print; of a client
 * certificate, those of the server that judges it and of the client that reads its alert. */
#ifndef MG_INSPECT_CAUSES_H
#define MG_INSPECT_CAUSES_H

#include "outcome.h"

#include <stddef.h>

typedef enum { MG_INSPECT_SERVER, MG_INSPECT_CLIENT } mg_inspect_role;

typedef struct {
    const char *id;     /* "expired": stable, for machines and tests */
    mg_reason reason;   /* the shared reason vocabulary of ../shared/DESIGN.md */
    const char *title;  /* one line for people */
    const char *openssl, *gnutls;
    const char *browser_server, *browser_client; /* by the role of the certificate */
    const char *curl_server, *curl_client;
    const char *other;  /* Go, Python, Java where they differ; "" when nothing to add */
    const char *fix;    /* one sentence */
} mg_inspect_cause;

typedef struct {
    const char *openssl, *gnutls, *browser, *curl, *other;
} mg_inspect_messages;

extern const mg_inspect_cause mg_inspect_causes[];
extern const size_t mg_inspect_cause_count;

/* NULL when the id is not in the table. */
const mg_inspect_cause *mg_inspect_cause_find(const char *id);

/* The messages someone meets when a certificate in this role has this cause. */
mg_inspect_messages mg_inspect_cause_messages(const mg_inspect_cause *cause, mg_inspect_role role);

const char *mg_inspect_role_name(mg_inspect_role role);

#endif
