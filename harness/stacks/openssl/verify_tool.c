/* `openssl verify`, as inspect runs it where it is installed: the purpose of the role, the
 * chain's CAs, CRLs for the whole chain (what nginx's ssl_crl and s_server -crl_check_all
 * check), the instant and the host, and -auth_level at the security level libssl starts with
 * here (Debian's build: 2), so that a weak key or signature is judged as in a TLS handshake.
 * Its findings are the "error N at D depth lookup: TEXT" lines, each N read through the
 * backend's one reason table. */
#include "ossl_reasons.h"
#include "stack.h"

#include <openssl/ssl.h>

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

static int system_security_level(void)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_method());
    int level = ctx ? SSL_CTX_get_security_level(ctx) : 1;
    SSL_CTX_free(ctx);
    return level;
}

static bool is_ip(const char *host)
{
    unsigned char buf[16];
    return inet_pton(AF_INET, host, buf) == 1 || inet_pton(AF_INET6, host, buf) == 1;
}

/* The words of numbers go into text; file names are the question's own strings. */
static bool command(const mg_verify_question *q, const char *argv[MG_VERIFY_ARGV_MAX + 1],
                    char *text, size_t text_len)
{
    int argc = 0;
    char *level = text, *at = text + text_len / 2;
    if (text_len < 64) return false;
    snprintf(level, text_len / 2, "%d", system_security_level());
    snprintf(at, text_len / 2, "%lld", (long long)q->at);
    argv[argc++] = "openssl";
    argv[argc++] = "verify";
    argv[argc++] = "-auth_level";
    argv[argc++] = level;
    argv[argc++] = "-purpose";
    argv[argc++] = q->client ? "sslclient" : "sslserver";
    argv[argc++] = "-CAfile";
    argv[argc++] = q->trust;
    if (q->untrusted) {
        argv[argc++] = "-untrusted";
        argv[argc++] = q->untrusted;
    }
    if (q->crls) {
        argv[argc++] = "-CRLfile";
        argv[argc++] = q->crls;
        argv[argc++] = "-crl_check_all";
    }
    if (q->at_given) {
        argv[argc++] = "-attime";
        argv[argc++] = at;
    }
    if (q->host) {
        argv[argc++] = is_ip(q->host) ? "-verify_ip" : "-verify_hostname";
        argv[argc++] = q->host;
    }
    argv[argc++] = q->leaf;
    argv[argc] = NULL;
    return true;
}

static size_t findings(const char *output, mg_verify_finding *out, size_t max)
{
    size_t n = 0;
    for (const char *line = output; line && *line && n < max;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        const char *error = strstr(line, "error ");
        long code;
        int depth;
        if (error && (size_t)(error - line) < len &&
            sscanf(error, "error %ld at %d depth lookup:", &code, &depth) == 2) {
            snprintf(out[n].words, sizeof out[n].words, "%.*s", (int)len, line);
            out[n++].reason = mg_ossl_verify_reason(code);
        }
        line = end ? end + 1 : NULL;
    }
    return n;
}

const mg_verify_tool mg_openssl_verify_tool = {"openssl verify", command, findings};
