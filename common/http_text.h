/* The little of an HTTP response a TLS client reads to say why a server refused it: the status
 * line and the HTML <title> (nginx answers a bad client certificate with 400 and "The SSL
 * certificate error" as the page's title). No HTTP library: this is all there is to it. */
#ifndef MG_HTTP_TEXT_H
#define MG_HTTP_TEXT_H

#include <stddef.h>

/* The status code of "HTTP/1.x NNN ..." (0 when the response has no status line), the status
 * line itself without its CRLF, and the text of the first <title> with its whitespace folded
 * ("" when none). */
int mg_http_status(const char *response);
void mg_http_status_line(const char *response, char *buf, size_t cap);
void mg_http_title(const char *response, char *buf, size_t cap);

#endif
