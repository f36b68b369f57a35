/* `certtool --verify`, as inspect runs it where it is installed: the leaf and the rest of its
 * file as one chain, the CAs, the CRLs, the role's purpose OID and the host. certtool takes
 * no verification time, so a question with --at is not put to it. Its findings are the
 * sentences of its "Chain verification output:" line, each matched against GnuTLS's own
 * description of a status bit (gnutls_certificate_verification_status_print) and read through
 * the backend's status table. */
#include "gnutls_reasons.h"

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include <stdio.h>
#include <string.h>

static bool command(const mg_verify_question *q, const char *argv[MG_VERIFY_ARGV_MAX + 1],
                    char *text, size_t text_len)
{
    (void)text, (void)text_len;
    if (q->at_given) return false;
    int argc = 0;
    argv[argc++] = "certtool";
    argv[argc++] = "--verify";
    argv[argc++] = "--infile";
    argv[argc++] = q->leaf_chain;
    argv[argc++] = "--load-ca-certificate";
    argv[argc++] = q->trust;
    if (q->crls) {
        argv[argc++] = "--load-crl";
        argv[argc++] = q->crls;
    }
    argv[argc++] = "--verify-purpose";
    argv[argc++] = q->client ? GNUTLS_KP_TLS_WWW_CLIENT : GNUTLS_KP_TLS_WWW_SERVER;
    if (q->host) {
        argv[argc++] = "--verify-hostname";
        argv[argc++] = q->host;
    }
    argv[argc] = NULL;
    return true;
}

/* The sentence GnuTLS prints for one status bit, without the "NOT trusted" it always adds. */
static bool bit_sentence(unsigned bit, char *buf, size_t len)
{
    gnutls_datum_t text = {NULL, 0};
    if (gnutls_certificate_verification_status_print(bit | GNUTLS_CERT_INVALID, GNUTLS_CRT_X509,
                                                     &text, 0) != 0)
        return false;
    const char *prefix = "The certificate is NOT trusted. ";
    const char *s = (const char *)text.data;
    if (strncmp(s, prefix, strlen(prefix)) == 0) s += strlen(prefix);
    snprintf(buf, len, "%s", s);
    gnutls_free(text.data);
    size_t n = strlen(buf);
    while (n > 0 && buf[n - 1] == ' ') buf[--n] = '\0';
    return n > 0;
}

static size_t findings(const char *output, mg_verify_finding *out, size_t max)
{
    const char *verdict = strstr(output, "Chain verification output:");
    if (!verdict) return 0;
    size_t line_len = strcspn(verdict, "\n"), n = 0;
    for (size_t i = 0; i < mg_gnutls_status_reason_count && n < max; i++) {
        unsigned bit = mg_gnutls_status_reasons[i].bit;
        char sentence[sizeof out[n].words];
        if (bit == GNUTLS_CERT_INVALID || !bit_sentence(bit, sentence, sizeof sentence)) continue;
        const char *hit = strstr(verdict, sentence);
        if (!hit || (size_t)(hit - verdict) >= line_len) continue;
        snprintf(out[n].words, sizeof out[n].words, "%s", sentence);
        out[n++].reason = mg_gnutls_status_reasons[i].reason;
    }
    return n;
}

const mg_verify_tool mg_gnutls_verify_tool = {"certtool --verify", command, findings};
