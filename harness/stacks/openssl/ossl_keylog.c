/* NSS key log lines (SSLKEYLOGFILE format), so Wireshark can decrypt a capture. */
#include "ossl_internal.h"

#include <errno.h>
#include <string.h>

static void write_line(const SSL *ssl, const char *line)
{
    mg_context *ctx = mg_ossl_context_of(SSL_get_SSL_CTX(ssl));
    if (!ctx || !ctx->keylog) return;
    fprintf(ctx->keylog, "%s\n", line);
    fflush(ctx->keylog); /* a crash later in the case must not lose the keys */
}

MG_RESULT mg_ossl_setup_keylog(mg_context *ctx)
{
    const char *path = ctx->config.keylog_file;
    if (!path) return MG_OK;
    ctx->keylog = fopen(path, "a");
    MG_ENSURE(ctx->keylog, MG_E_IO, "cannot open key log file %s: %s", path, strerror(errno));
    SSL_CTX_set_keylog_callback(ctx->ssl_ctx, write_line);
    return MG_OK;
}
