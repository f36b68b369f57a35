#include "bytes.h"

#include "fuzz_require.h"

#include <stdlib.h>
#include <string.h>

void mg_bytes_append(mg_bytes *bytes, const void *data, size_t len)
{
    if (len == 0) return;
    if (bytes->len + len > bytes->cap) {
        size_t cap = bytes->cap ? bytes->cap : 1024;
        while (cap < bytes->len + len) cap *= 2;
        uint8_t *grown = realloc(bytes->data, cap);
        mg_fuzz_check(grown != NULL, "out of memory in a byte buffer");
        bytes->data = grown;
        bytes->cap = cap;
    }
    memcpy(bytes->data + bytes->len, data, len);
    bytes->len += len;
}

void mg_bytes_free(mg_bytes *bytes)
{
    free(bytes->data);
    *bytes = (mg_bytes){0};
}
