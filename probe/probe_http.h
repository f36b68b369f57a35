/* The little of HTTP that probe reads: the target URL, the status line and the HTML <title> of
 * a gateway's answer, and the lists of statuses the user names. No HTTP library: a status line
 * is all there is to it. */
#ifndef MG_PROBE_HTTP_H
#define MG_PROBE_HTTP_H

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

/* The status code of "HTTP/1.x NNN ..." (0 when the response has no status line), the status
 * line itself without its CRLF, and the text of the first <title> with its whitespace folded
 * ("" when none). */
int mg_http_status(const char *response);
void mg_http_status_line(const char *response, char *buf, size_t cap);
void mg_http_title(const char *response, char *buf, size_t cap);

/* HTTP statuses as a set: "400,403,495" (or "4xx" for a whole class). */
typedef struct {
    bool has[600];
    bool given;
} mg_status_set;

MG_RESULT mg_status_set_parse(const char *flag, const char *list, mg_status_set *out);
bool mg_status_set_has(const mg_status_set *set, int status);

#endif
