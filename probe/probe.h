/* mtlsgrid probe: with the test CA a running gateway trusts for clients, issue the
 * client-certificate defect set under it (gen/), present each on each TLS version through the
 * harness's TCP client (an HTTP/1.1 GET after the handshake, so a TLS 1.3 late rejection and an
 * HTTP rejection are both seen), grade what the gateway lets in and say in plain words which
 * configuration hole each accepted defect points to. */
#ifndef MG_PROBE_H
#define MG_PROBE_H

#include "mg_result.h"

typedef struct {
    const char *url;                         /* https://HOST:PORT/PATH */
    const char *ca_cert, *ca_key;            /* the CA the gateway trusts for clients */
    const char *ca_chain, *ca_chain_key;     /* an intermediate under it (NULL: probe's own) */
    const char *server_trust;                /* CAs for the gateway's certificate (NULL: ca_cert) */
    const char *servername;                  /* a virtual host without mTLS (the SNI check) */
    const char *tls;                         /* "1.2,1.3" (NULL: both) */
    const char *stack;                       /* the client's stack (NULL: the first built in) */
    unsigned jobs;                           /* connections at once (0: 4) */
    double timeout;                          /* seconds per connection (0: 10) */
    const char *out;                         /* the report folder */
    const char *formats;                     /* report formats (NULL: the usual four) */
    const char *crl_out;                     /* write the CRL the gateway should load here */
    const char *reject_status, *accept_status; /* HTTP statuses (lists) */
    const char *accept_body;                 /* a body that holds this was accepted */
    const char *tool_version;                /* for run.json */
} mg_probe_options;

/* The defaults of --reject-status: nginx's 400 ("The SSL certificate error", "No required SSL
 * certificate was sent") and 495/496, Apache's 403, 421 (a host not served through this SNI),
 * and the 401 some gateways give. */
#define MG_PROBE_REJECT_STATUS_DEFAULT "400,401,403,421,495,496"

/* Runs the probe; *exit_code 0 when every defect was rejected and the controls accepted, 1 when
 * the gateway let one in. Bad input, a control that does not pass and an unreachable gateway
 * are failures (exit 2) with a message that says which. */
MG_RESULT mg_probe_run(const mg_probe_options *options, int *exit_code);

/* --make-ca DIR: a fresh test CA and the lines that make nginx, Apache and HAProxy trust it. */
MG_RESULT mg_probe_make_ca(const char *dir, const char *server_names);

#endif
