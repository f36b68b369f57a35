/* A context: the side's files read and parsed once (credential, trust, CRLs, OCSP response)
 * and the WOLFSSL_CTX built from them, shared by every session made from it (see
 * wolfssl_internal.h). Building it here also finds out now, as the other stacks do at setup,
 * whether wolfSSL accepts the credential. */
#include "wolfssl_internal.h"

#include <stdlib.h>

void mg_wolf_context_free(mg_context *ctx)
{
    if (!ctx) return;
    if (ctx->wctx) wolfSSL_CTX_free(ctx->wctx);
    mg_wolf_blob_free(&ctx->own_chain);
    mg_wolf_blob_free(&ctx->own_key);
    mg_wolf_blob_free(&ctx->trust);
    mg_wolf_blob_free(&ctx->ocsp);
    mg_wolf_free_crls(ctx);
    free(ctx);
}

static MG_RESULT read_files(mg_context *ctx, mg_side_outcome *why)
{
    const mg_side_config *cfg = &ctx->config;
    MG_WOLF_STEP(mg_wolf_read_credential(ctx, why), why);
    if (cfg->trust_file) MG_WOLF_STEP(mg_wolf_read_file(cfg->trust_file, &ctx->trust, why), why);
    MG_WOLF_STEP(mg_wolf_read_crls(ctx, why), why);
    if (cfg->role == MG_ROLE_SERVER && cfg->ocsp_file)
        MG_WOLF_STEP(mg_wolf_read_file(cfg->ocsp_file, &ctx->ocsp, why), why);
    return mg_wolf_build(ctx, &ctx->wctx, why);
}

MG_RESULT mg_wolf_context_new(const mg_side_config *config, mg_parsed_cache *parsed,
                              mg_context **out, mg_side_outcome *why)
{
    (void)parsed; /* the context itself is what is parsed once; see wolfssl_internal.h */
    *out = NULL;
    mg_side_outcome_clear(why);
    MG_ENSURE(config->tls == MG_TLS12 || config->tls == MG_TLS13, MG_E_USAGE,
              "wolfssl: unsupported TLS version %d", (int)config->tls);
    mg_context *ctx = calloc(1, sizeof *ctx);
    MG_ENSURE(ctx, MG_E_INTERNAL, "wolfssl: out of memory for a context");
    ctx->config = *config;
    mg_result r = read_files(ctx, why);
    if (!mg_ok(r) || mg_wolf_refused(why)) {
        mg_wolf_context_free(ctx);
        return r;
    }
    *out = ctx;
    return MG_OK;
}
