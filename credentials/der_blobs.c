/* PEM blocks are decoded one by one with PEM_read_bio, so a broken one is named by its number
 * and line rather than skipped; the line is that of the block's BEGIN line. */
#include "der_blobs.h"

#include "credential_read.h"
#include "read_file.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PEM_BEGIN "-----BEGIN "

mg_result mg_credential_file_bytes(const char *path, unsigned char **data, size_t *len)
{
    return mg_read_file_capped(path, MG_CREDENTIAL_MAX_BYTES, data, len);
}

static const unsigned char *find_bytes(const unsigned char *data, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (data[i] == (unsigned char)needle[0] && memcmp(data + i, needle, n) == 0)
            return data + i;
    return NULL;
}

bool mg_bytes_contain(const unsigned char *data, size_t len, const char *needle)
{
    return find_bytes(data, len, needle) != NULL;
}

/* The line of the next BEGIN line at or after offset (or of offset itself when none). */
static int line_of_next_block(const unsigned char *data, size_t len, size_t offset)
{
    const unsigned char *next = find_bytes(data + offset, len - offset, PEM_BEGIN);
    size_t at = next ? (size_t)(next - data) : offset;
    int line = 1;
    for (size_t i = 0; i < at; i++) line += data[i] == '\n';
    return line;
}

static MG_RESULT add_blob(mg_der_blobs *blobs, mg_der_blob blob)
{
    mg_der_blob *grown = realloc(blobs->items, (blobs->count + 1) * sizeof *grown);
    if (!grown) {
        OPENSSL_free(blob.data);
        OPENSSL_free(blob.pem_name);
        return mg_fail(MG_E_INTERNAL, "out of memory");
    }
    blobs->items = grown;
    blobs->items[blobs->count++] = blob;
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
    size_t used = strlen(blobs->skipped);
    if (strstr(blobs->skipped, name) || used + strlen(name) + 3 >= sizeof blobs->skipped) return;
    snprintf(blobs->skipped + used, sizeof blobs->skipped - used, "%s%s", used ? ", " : "", name);
}

/* One block from the BIO: *done at the end of the file, a failure naming a broken block. */
static MG_RESULT read_block(const char *path, BIO *bio, const unsigned char *data, size_t len,
                            size_t block, const char *const *pem_names, mg_der_blobs *out,
                            bool *done)
{
    int line = line_of_next_block(data, len, len - (size_t)BIO_pending(bio));
    char *name = NULL, *header = NULL;
    unsigned char *der = NULL;
    long der_len = 0;
    ERR_clear_error();
    if (!PEM_read_bio(bio, &name, &header, &der, &der_len)) {
        unsigned long err = ERR_peek_last_error();
        *done = true;
        if (ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_NO_START_LINE)
            return MG_OK;
        const char *why = ERR_reason_error_string(err);
        return mg_fail(MG_E_INPUT, "%s:%d: PEM block %zu is broken (%s)", path, line, block,
                       why ? why : "bad base64 or no END line");
    }
    OPENSSL_free(header);
    if (wanted(name, pem_names))
        return add_blob(out, (mg_der_blob){der, der_len, name, block, line});
    note_skipped(out, name);
    OPENSSL_free(name);
    OPENSSL_free(der);
    return MG_OK;
}

static MG_RESULT read_pem(const char *path, const char *what, const unsigned char *data,
                          size_t len, const char *const *pem_names, mg_der_blobs *out)
{
    BIO *bio = BIO_new_mem_buf(data, (int)len);
    MG_ENSURE(bio, MG_E_INTERNAL, "out of memory");
    mg_result r = MG_OK;
    bool done = false;
    for (size_t block = 1; mg_ok(r) && !done; block++)
        r = read_block(path, bio, data, len, block, pem_names, out, &done);
    ERR_clear_error();
    BIO_free(bio);
    MG_GUARD(r);
    if (out->count == 0 && out->skipped[0])
        return mg_fail(MG_E_INPUT, "%s: holds no %s (its PEM blocks: %s)", path, what,
                       out->skipped);
    MG_ENSURE(out->count > 0, MG_E_INPUT, "%s: holds no PEM %s", path, what);
    return MG_OK;
}

static MG_RESULT take_der(const char *path, const char *what, const unsigned char *data,
                          size_t len, mg_der_blobs *out)
{
    MG_ENSURE(data[0] == 0x30, MG_E_INPUT, /* DER objects start with an ASN.1 SEQUENCE */
              "%s: neither PEM nor a DER %s (no -----BEGIN line, and it does not start with an "
              "ASN.1 SEQUENCE)", path, what);
    unsigned char *copy = OPENSSL_malloc(len);
    MG_ENSURE(copy, MG_E_INTERNAL, "out of memory");
    memcpy(copy, data, len);
    return add_blob(out, (mg_der_blob){copy, (long)len, NULL, 0, 0});
}

mg_result mg_read_der_blobs(const char *path, const char *what, const char *const *pem_names,
                            mg_der_blobs *out)
{
    *out = (mg_der_blobs){0};
    unsigned char *data = NULL;
    size_t len = 0;
    MG_GUARD(mg_credential_file_bytes(path, &data, &len));
    mg_result r = mg_bytes_contain(data, len, PEM_BEGIN)
                      ? read_pem(path, what, data, len, pem_names, out)
                      : take_der(path, what, data, len, out);
    free(data);
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
