/* Files read once per context, or a credential's bytes handed over in memory (copied, so the
 * context owns and wipes what it holds). A credential or trust file is small; anything larger
 * than the cap is refused rather than read without bound. */
#include "wolfssl_internal.h"

#include "secret.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MG_WOLF_FILE_CAP (4u << 20)

void mg_wolf_blob_free(mg_wolf_blob *blob)
{
    mg_secret_free(blob->data, blob->len); /* may be a private key */
    *blob = (mg_wolf_blob){NULL, 0, WOLFSSL_FILETYPE_PEM};
}

static bool has_pem_header(const unsigned char *data, size_t len)
{
    static const char marker[] = "-----BEGIN";
    const size_t n = sizeof marker - 1;
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(data + i, marker, n) == 0) return true;
    return false;
}

MG_RESULT mg_wolf_read_file(const char *path, mg_wolf_blob *out, mg_side_outcome *why)
{
    *out = (mg_wolf_blob){NULL, 0, WOLFSSL_FILETYPE_PEM};
    FILE *f = fopen(path, "rb");
    if (!f) {
        mg_wolf_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0, "cannot read %s: %s", path,
                              strerror(errno));
        return MG_OK;
    }
    unsigned char *data = malloc(MG_WOLF_FILE_CAP + 1);
    if (!data) {
        fclose(f);
        return mg_fail(MG_E_INTERNAL, "wolfssl: out of memory reading %s", path);
    }
    size_t len = fread(data, 1, MG_WOLF_FILE_CAP + 1, f);
    bool broken = ferror(f) != 0;
    fclose(f);
    if (broken || len == 0 || len > MG_WOLF_FILE_CAP) {
        free(data);
        mg_wolf_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0, "%s is %s", path,
                              broken ? "unreadable" : len == 0 ? "empty" : "too large");
        return MG_OK;
    }
    out->data = data;
    out->len = len;
    out->format = has_pem_header(data, len) ? WOLFSSL_FILETYPE_PEM : WOLFSSL_FILETYPE_ASN1;
    return MG_OK;
}

/* The caller's bytes copied, as a file's are read: the context hands them to every WOLFSSL_CTX
 * it builds, and owns and wipes what it holds. */
static MG_RESULT copy_bytes(const mg_memory_file *bytes, const char *name, mg_wolf_blob *out,
                            mg_side_outcome *why)
{
    *out = (mg_wolf_blob){NULL, 0, WOLFSSL_FILETYPE_PEM};
    if (bytes->len == 0 || bytes->len > MG_WOLF_FILE_CAP) {
        mg_wolf_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0, "%s is %s", name,
                              bytes->len == 0 ? "empty" : "too large");
        return MG_OK;
    }
    out->data = malloc(bytes->len);
    MG_ENSURE(out->data, MG_E_INTERNAL, "wolfssl: out of memory copying %s", name);
    memcpy(out->data, bytes->data, bytes->len);
    out->len = bytes->len;
    out->format = has_pem_header(out->data, out->len) ? WOLFSSL_FILETYPE_PEM
                                                      : WOLFSSL_FILETYPE_ASN1;
    return MG_OK;
}

static MG_RESULT read_part(const char *path, const mg_memory_file *bytes, const char *name,
                           mg_wolf_blob *out, mg_side_outcome *why)
{
    if (bytes->data) return copy_bytes(bytes, name, out, why);
    return mg_wolf_read_file(path, out, why);
}

MG_RESULT mg_wolf_read_credential(mg_context *ctx, mg_side_outcome *why)
{
    const mg_credential *c = &ctx->config.credential;
    if (c->p12_file) return mg_wolf_read_pkcs12(ctx, why);
    const mg_side_config *cfg = &ctx->config;
    bool has_cert = mg_side_has_cert(cfg), has_key = mg_side_has_key(cfg);
    if (!has_cert && !has_key) return MG_OK; /* no credential: sends none */
    if (!has_cert || !has_key) {
        mg_wolf_setup_failure(why, MG_REASON_BAD_CREDENTIAL, 0, "%s given without its %s",
                              has_cert ? mg_side_cert_name(cfg) : mg_side_key_name(cfg),
                              has_cert ? "key" : "certificate");
        return MG_OK;
    }
    MG_WOLF_STEP(read_part(c->cert_file, &cfg->credential_bytes.cert, mg_side_cert_name(cfg),
                           &ctx->own_chain, why),
                 why);
    return read_part(c->key_file, &cfg->credential_bytes.key, mg_side_key_name(cfg),
                     &ctx->own_key, why);
}
