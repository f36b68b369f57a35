/* The bytes of a user's file, and the DER objects it holds (PEM blocks decoded, or the file
 * itself when it is not PEM). Internal to inspect_read*.c. */
#ifndef MG_INSPECT_READ_FILE_H
#define MG_INSPECT_READ_FILE_H

#include "mg_result.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    unsigned char *data;
    long len;
    char *pem_name; /* NULL when the file is DER */
} mg_der_blob;

typedef struct {
    mg_der_blob *items;
    size_t count;
    bool pem;
    char skipped[96]; /* PEM block types that were not wanted, for the "holds no ..." message */
} mg_der_blobs;

/* what: "certificate" or "CRL", for messages. pem_names: the wanted PEM block types,
 * NULL-terminated. A PEM file without a wanted block, a broken block, an empty file, a file
 * that is neither PEM nor DER-looking: MG_E_INPUT naming the file; unreadable: MG_E_IO. */
MG_RESULT mg_read_der_blobs(const char *path, const char *what, const char *const *pem_names,
                            mg_der_blobs *out);
void mg_der_blobs_free(mg_der_blobs *blobs);

#endif
