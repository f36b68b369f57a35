/* The little of HTTP that probe reads: the target URL and the lists of statuses the user names
 * (the status line and <title> of an answer: common/http_text.h). */
#ifndef MG_PROBE_HTTP_H
#define MG_PROBE_HTTP_H

#include "http_text.h"
#include "mg_result.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char host[256]; /* without brackets for an IPv6 literal */
    unsigned port;  /* 443 when the URL names none */
    char path[1024]; /* "/" when the URL names none */
} mg_probe_url;

/* https://HOST[:PORT][/PATH]; anything else is a usage error naming the URL. */
MG_RESULT mg_probe_url_parse(const char *url, mg_probe_url *out);


/* HTTP statuses as a set: "400,403,495" (or "4xx" for a whole class). */
typedef struct {
    bool has[600];
    bool given;
} mg_status_set;

MG_RESULT mg_status_set_parse(const char *flag, const char *list, mg_status_set *out);
bool mg_status_set_has(const mg_status_set *set, int status);

#endif
