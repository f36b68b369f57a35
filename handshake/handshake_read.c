/* Certificates and CRLs: PEM when the file holds a "-----BEGIN " line, else DER. Each PEM
 * block is decoded on its own, so a corrupt one is named by its line, not skipped. */
#include "handshake_read.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <stdlib.h>
#include <string.h>

typedef enum { WANT_CERT, WANT_CRL } wanted;

typedef struct {
    const char *flag, *path;
    wanted want;
    void *out;          /* STACK_OF(X509) or STACK_OF(X509_CRL) */
    int found;
    char others[128];   /* names of the other blocks seen, for the message */
} reader;

static const char *what(wanted w) { return w == WANT_CERT ? "certificate" : "CRL"; }

static int line_at(const unsigned char *buf, size_t offset)
{
    int line = 1;
    for (size_t i = 0; i < offset; i++) line += buf[i] == '\n';
    return line;
}

/* Decodes one DER object of the wanted kind and appends it; false when it is not one. */
static bool take_der(reader *r, const unsigned char *der, long len, bool whole)
{
    const unsigned char *p = der;
    bool ok;
    if (r->want == WANT_CERT) {
        X509 *x = d2i_X509(NULL, &p, len);
        ok = x && (!whole || p == der + len) && sk_X509_push(r->out, x);
        if (!ok) X509_free(x);
    } else {
        X509_CRL *c = d2i_X509_CRL(NULL, &p, len);
        ok = c && (!whole || p == der + len) && sk_X509_CRL_push(r->out, c);
        if (!ok) X509_CRL_free(c);
    }
    r->found += ok;
    return ok;
}

static bool wanted_block(wanted w, const char *name)
{
    if (w == WANT_CRL) return strcmp(name, "X509 CRL") == 0;
    return strcmp(name, "CERTIFICATE") == 0 || strcmp(name, "X509 CERTIFICATE") == 0 ||
           strcmp(name, "TRUSTED CERTIFICATE") == 0;
}

static void note_other(reader *r, const char *name)
{
    size_t used = strlen(r->others);
    if (strstr(r->others, name) || used + strlen(name) + 3 >= sizeof r->others) return;
    snprintf(r->others + used, sizeof r->others - used, "%s%s", used ? ", " : "", name);
}

static mg_result walk_pem(reader *r, const unsigned char *buf, size_t len)
{
    BIO *bio = BIO_new_mem_buf(buf, (int)len);
    MG_ENSURE(bio, MG_E_INTERNAL, "out of memory");
    mg_result res = MG_OK;
    for (;;) {
        size_t offset = len - (size_t)BIO_pending(bio);
        const char *next = strstr((const char *)buf + offset, "-----BEGIN ");
        int line = line_at(buf, next ? (size_t)((const unsigned char *)next - buf) : offset);
        char *name = NULL, *header = NULL;
        unsigned char *der = NULL;
        long der_len = 0;
        ERR_clear_error();
        if (!PEM_read_bio(bio, &name, &header, &der, &der_len)) {
            unsigned long e = ERR_peek_last_error();
            if (!(ERR_GET_LIB(e) == ERR_LIB_PEM && ERR_GET_REASON(e) == PEM_R_NO_START_LINE))
                res = mg_fail(MG_E_INPUT, "--%s %s:%d: malformed PEM (bad base64 or no END line)",
                              r->flag, r->path, line);
            break;
        }
        if (!wanted_block(r->want, name)) note_other(r, name);
        else if (!take_der(r, der, der_len, false))
            res = mg_fail(MG_E_INPUT, "--%s %s:%d: the %s block is not a valid %s", r->flag,
                          r->path, line, name, what(r->want));
        OPENSSL_free(name), OPENSSL_free(header), OPENSSL_free(der);
        if (!mg_ok(res)) break;
    }
    ERR_clear_error();
    BIO_free(bio);
    return res;
}

static mg_result read_objects(const char *flag, const char *path, wanted want, void *out)
{
    unsigned char *buf;
    size_t len;
    MG_GUARD(mg_hs_slurp(flag, path, &buf, &len));
    reader r = {flag, path, want, out, 0, ""};
    mg_result res = MG_OK;
    if (strstr((const char *)buf, "-----BEGIN ")) {
        res = walk_pem(&r, buf, len);
    } else if (!take_der(&r, buf, (long)len, true)) {
        res = mg_fail(MG_E_INPUT, "--%s %s: neither PEM nor a DER %s", flag, path, what(want));
    }
    ERR_clear_error();
    free(buf);
    MG_GUARD(res);
    if (r.found == 0 && r.others[0])
        return mg_fail(MG_E_INPUT, "--%s %s: holds no %s (its PEM blocks: %s)", flag, path,
                       what(want), r.others);
    MG_ENSURE(r.found > 0, MG_E_INPUT, "--%s %s: holds no PEM %s", flag, path, what(want));
    return MG_OK;
}

mg_result mg_hs_read_certs(const char *flag, const char *path, STACK_OF(X509) *out)
{
    return read_objects(flag, path, WANT_CERT, out);
}

mg_result mg_hs_read_crls(const char *flag, const char *path, STACK_OF(X509_CRL) *out)
{
    return read_objects(flag, path, WANT_CRL, out);
}
