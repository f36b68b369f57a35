/* inspect --connect: a live server observed (live_connect.h) and the chain it sent judged by
 * the same checks as a FILE, for the server role and the name the client connects to. */
#ifndef MG_LIVE_INSPECT_H
#define MG_LIVE_INSPECT_H

#include "inspect.h"
#include "live_connect.h"

#include <jansson.h>
#include <stdio.h>

typedef struct {
    const mg_live_request *request;
    const char *sni; /* the name sent as SNI; NULL: none (an address) */
    mg_live_result live;
    /* One report when both versions brought the same chain, else one per chain. */
    mg_inspect_report reports[2];
    const char *report_tls[2]; /* which attempts sent the chain: "1.2", "1.3", "1.2 and 1.3" */
    size_t report_count;
} mg_live_inspection;

/* The session must be for the server role with the host checked; see mg_live_observe for the
 * failures. */
MG_RESULT mg_live_inspect(const mg_inspect_session *session, const mg_live_request *req,
                          mg_live_inspection *out);
void mg_live_inspection_free(mg_live_inspection *in);

static inline bool mg_live_suitable(const mg_live_inspection *in)
{
    for (size_t i = 0; i < in->report_count; i++)
        if (!mg_inspect_suitable(&in->reports[i])) return false;
    return true;
}

/* For people: each attempt, the chain, the CertificateRequest, then the checks' report. */
void mg_live_print_text(FILE *out, const mg_live_inspection *in);

/* One object (keys in live_json.c); the caller owns it. */
MG_RESULT mg_live_json(const mg_live_inspection *in, json_t **out);

/* What a client of libssl cannot see of a CertificateRequest, and why: for both outputs. */
extern const char *const mg_live_not_observable[];

#endif
