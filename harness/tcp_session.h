/* One connection over TCP with a real peer: the handshake, then one HTTP/1.1 exchange so that
 * curl, browsers and `openssl s_client` can be the peer, and so that a TLS 1.3 client learns
 * whether the server accepted its certificate. */
#ifndef MG_TCP_SESSION_H
#define MG_TCP_SESSION_H

#include "stack.h"

typedef struct {
    mg_side_outcome side;
    mg_verdict verdict;      /* as this side can tell it (see one_side.h) */
    char reason_text[1024];
    char body[512];          /* connect: the page's <title>, else the body's first line */
    int http_status;         /* connect: the response's status code; 0 when none */
} mg_tcp_result;

/* Server side: handshake, read one request (bounded), answer 200 with `verdict\n` as body;
 * all of it before `deadline` (mg_tcp_now() seconds; 0: none), else the verdict is timeout. */
void mg_tcp_serve_one(const mg_stack *stack, mg_context *ctx, int fd, double deadline,
                      mg_tcp_result *out);

/* Client side: handshake, send GET / for `host`, read the response, before `deadline` as above.
 * A response with status 400 or more turns ok into server-rejects:other (servers that refuse
 * a certificate in HTTP). */
void mg_tcp_connect_one(const mg_stack *stack, mg_context *ctx, int fd, const char *host,
                        double deadline, mg_tcp_result *out);

/* The same exchange with GET `path` for `host` (the Host header; SNI comes from the context),
 * keeping the whole response (up to cap - 1 bytes, NUL-terminated) and judging nothing from
 * its status: what a status means is the caller's (probe's) to say. */
void mg_tcp_request_one(const mg_stack *stack, mg_context *ctx, int fd, const char *host,
                        const char *path, double deadline, char *response, size_t cap,
                        mg_tcp_result *out);

#endif
