/* The DER objects a credential file holds: its PEM blocks of the wanted types, decoded, each
 * with its number and line; or the file itself when it is not PEM. Internal to credentials/. */
#ifndef MG_DER_BLOBS_H
#define MG_DER_BLOBS_H

#include "mg_result.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    unsigned char *data; /* OPENSSL_malloc'ed */
    long len;
    char *pem_name; /* the block's type; NULL when the file is DER */
    size_t block;   /* 1 for the file's first PEM block, of any type */
    int line;       /* the line of the block's BEGIN line */
} mg_der_blob;

typedef struct {
    mg_der_blob *items;
    size_t count;
    char skipped[96]; /* PEM block types that were not wanted, for the "holds no ..." message */
} mg_der_blobs;

/* what: "certificate" or "CRL", for messages. pem_names: the wanted PEM block types,
 * NULL-terminated. A PEM file without a wanted block, a broken block, an empty file, a file
 * that is neither PEM nor DER-looking: MG_E_INPUT naming the file; unreadable: MG_E_IO. */
MG_RESULT mg_read_der_blobs(const char *path, const char *what, const char *const *pem_names,
                            mg_der_blobs *out);
void mg_der_blobs_free(mg_der_blobs *blobs);

/* The whole file, capped at MG_CREDENTIAL_MAX_BYTES, NUL-terminated; free with free(). */
MG_RESULT mg_credential_file_bytes(const char *path, unsigned char **data, size_t *len);

/* Whether the bytes hold text (memmem is a GNU extension; the project builds with POSIX). */
bool mg_bytes_contain(const unsigned char *data, size_t len, const char *needle);

#endif
