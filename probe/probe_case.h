/* One probe case: a defect on a TLS version, its connection to the gateway and what the
 * connection showed. */
#ifndef MG_PROBE_CASE_H
#define MG_PROBE_CASE_H

#include "probe_defects.h"
#include "probe_http.h"
#include "tcp_session.h"

typedef enum {
    MG_PROBE_ACCEPTED,      /* the gateway answered, with a status it did not name as rejection */
    MG_PROBE_PASSED,        /* answered, but not as --accept-status / --accept-body say */
    MG_PROBE_REJECTED_TLS,  /* an alert or a reset in the handshake or the first round trip */
    MG_PROBE_REJECTED_HTTP, /* a --reject-status */
    MG_PROBE_OUR_SIDE,      /* our client refused the gateway (or could not start) */
    MG_PROBE_NO_ANSWER,     /* no connection, or no answer within the timeout */
    MG_PROBE_NOT_RUN,       /* the defect does not apply (the reason says why) */
} mg_probe_class;

const char *mg_probe_class_name(mg_probe_class c); /* "accepted", "rejected in TLS", ... */
bool mg_probe_class_rejected(mg_probe_class c);

/* What a response (or its absence) means: the verdict kind the harness saw, the status, the
 * sets the user named. */
typedef struct {
    mg_status_set reject, accept;
    const char *accept_body; /* NULL: any */
} mg_probe_rules;

typedef struct {
    const mg_probe_defect *defect;
    mg_tls_version tls;
    char id[160];
    mg_side_config config;
    char cert_file[4096], key_file[4096];
    mg_context *ctx;
    /* filled by the connection */
    mg_probe_class cls;
    mg_tcp_result tcp;
    char status_line[256], title[256];
    char verdict[64];
    char reason_text[1024];
    double ms;
} mg_probe_case;

/* Classifies a finished exchange: tcp and response as mg_tcp_request_one left them; timed_out
 * when the exchange took the whole timeout. Fills cls, status_line, title, verdict and
 * reason_text. */
void mg_probe_classify(const mg_probe_rules *rules, const mg_tcp_result *tcp,
                       const char *response, bool timed_out, mg_probe_case *c);

#endif
