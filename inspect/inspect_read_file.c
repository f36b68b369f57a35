#include "inspect_read_file.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MG_INSPECT_MAX_FILE (16L << 20) /* far above any certificate bundle */

static mg_result slurp(const char *path, unsigned char **data, long *len)
{
    FILE *f = fopen(path, "rb");
    MG_ENSURE(f, MG_E_IO, "cannot read %s: %s", path, strerror(errno));
    size_t cap = 0, used = 0;
    unsigned char *buf = NULL;
    mg_result r = MG_OK;
    for (;;) {
        if (used == cap) {
            cap = cap ? cap * 2 : 16384;
            bool too_big = cap > (size_t)MG_INSPECT_MAX_FILE + 1;
            unsigned char *grown = too_big ? NULL : realloc(buf, cap);
            if (!grown) {
                r = mg_fail(MG_E_INPUT, "%s is larger than 16 MiB: not a certificate file", path);
                break;
            }
            buf = grown;
        }
        size_t n = fread(buf + used, 1, cap - used, f);
        used += n;
        if (n == 0) {
            if (ferror(f)) r = mg_fail(MG_E_IO, "cannot read %s: %s", path, strerror(errno));
            break;
        }
    }
    fclose(f);
    if (mg_ok(r) && used == 0) r = mg_fail(MG_E_INPUT, "%s is empty", path);
    if (!mg_ok(r)) {
        free(buf);
        return r;
    }
    *data = buf;
    *len = (long)used;
    return MG_OK;
}

static mg_result add_blob(mg_der_blobs *blobs, unsigned char *data, long len, char *pem_name)
{
    mg_der_blob *grown = realloc(blobs->items, (blobs->count + 1) * sizeof *grown);
    if (!grown) {
        OPENSSL_free(data);
        OPENSSL_free(pem_name);
        return mg_fail(MG_E_INTERNAL, "out of memory");
    }
    blobs->items = grown;
    blobs->items[blobs->count++] = (mg_der_blob){data, len, pem_name};
    return MG_OK;
}

static bool wanted(const char *name, const char *const *pem_names)
{
    for (; *pem_names; pem_names++)
        if (strcmp(name, *pem_names) == 0) return true;
    return false;
}

static void note_skipped(mg_der_blobs *blobs, const char *name)
{
    if (strstr(blobs->skipped, name)) return;
    size_t used = strlen(blobs->skipped);
    snprintf(blobs->skipped + used, sizeof blobs->skipped - used, "%s%s", used ? ", " : "", name);
}

static mg_result read_pem(const char *path, const char *what, const unsigned char *data, long len,
                          const char *const *pem_names, mg_der_blobs *out)
{
    BIO *bio = BIO_new_mem_buf(data, (int)len);
    MG_ENSURE(bio, MG_E_INTERNAL, "out of memory");
    mg_result r = MG_OK;
    for (size_t block = 1;; block++) {
        char *name = NULL, *header = NULL;
        unsigned char *der = NULL;
        long der_len = 0;
        ERR_clear_error();
        if (!PEM_read_bio(bio, &name, &header, &der, &der_len)) {
            unsigned long err = ERR_peek_last_error();
            if (ERR_GET_LIB(err) != ERR_LIB_PEM || ERR_GET_REASON(err) != PEM_R_NO_START_LINE)
                r = mg_fail(MG_E_INPUT, "%s: PEM block %zu is broken (%s)", path, block,
                            ERR_reason_error_string(err) ? ERR_reason_error_string(err)
                                                         : "unreadable");
            break;
        }
        OPENSSL_free(header);
        if (!wanted(name, pem_names)) {
            note_skipped(out, name);
            OPENSSL_free(name);
            OPENSSL_free(der);
            continue;
        }
        r = add_blob(out, der, der_len, name);
        if (!mg_ok(r)) break;
    }
    ERR_clear_error();
    BIO_free(bio);
    MG_GUARD(r);
    MG_ENSURE(out->count > 0, MG_E_INPUT, "%s holds no PEM %s%s%s%s", path, what,
              *out->skipped ? " (it holds: " : "", out->skipped, *out->skipped ? ")" : "");
    return MG_OK;
}

/* memmem is a GNU extension; the project builds with POSIX only. */
static bool contains(const unsigned char *data, long len, const char *needle)
{
    size_t n = strlen(needle);
    for (long i = 0; i + (long)n <= len; i++)
        if (data[i] == (unsigned char)needle[0] && memcmp(data + i, needle, n) == 0) return true;
    return false;
}

mg_result mg_read_der_blobs(const char *path, const char *what, const char *const *pem_names,
                            mg_der_blobs *out)
{
    *out = (mg_der_blobs){0};
    unsigned char *data = NULL;
    long len = 0;
    MG_GUARD(slurp(path, &data, &len));
    mg_result r;
    if (contains(data, len, "-----BEGIN ")) {
        out->pem = true;
        r = read_pem(path, what, data, len, pem_names, out);
        free(data);
    } else if (data[0] != 0x30) { /* DER objects start with an ASN.1 SEQUENCE */
        free(data);
        r = mg_fail(MG_E_INPUT, "%s is neither PEM (no -----BEGIN line) nor DER (it does not start "
                                "with an ASN.1 SEQUENCE): not a %s file", path, what);
    } else {
        unsigned char *copy = OPENSSL_malloc((size_t)len);
        if (copy) memcpy(copy, data, (size_t)len);
        free(data);
        r = copy ? add_blob(out, copy, len, NULL) : mg_fail(MG_E_INTERNAL, "out of memory");
    }
    if (!mg_ok(r)) mg_der_blobs_free(out);
    return r;
}

void mg_der_blobs_free(mg_der_blobs *blobs)
{
    for (size_t i = 0; i < blobs->count; i++) {
        OPENSSL_free(blobs->items[i].data);
        OPENSSL_free(blobs->items[i].pem_name);
    }
    free(blobs->items);
    *blobs = (mg_der_blobs){0};
}
