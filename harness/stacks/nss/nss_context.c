/* A context: the side's files read once (credential as DER and an imported key, trust
 * anchors, CRLs, OCSP response), shared by every session made from it. No certificate object
 * outlives this function: see nss_internal.h. */
#include "nss_internal.h"

#include <arpa/inet.h>
#include <stdlib.h>

void mg_nss_context_free(mg_context *ctx)
{
    if (!ctx) return;
    mg_nss_ders_free(&ctx->own_chain);
    mg_nss_ders_free(&ctx->anchors);
    mg_nss_ders_free(&ctx->anchor_subjects);
    mg_nss_ders_free(&ctx->anchor_issuers);
    mg_nss_ders_free(&ctx->crls);
    SECITEM_FreeItem(&ctx->ocsp, PR_FALSE);
    if (ctx->key) SECKEY_DestroyPrivateKey(ctx->key);
    if (ctx->ca_names) CERT_DestroyCertList(ctx->ca_names);
    mg_nss_ders_free(&ctx->alt_chain);
    if (ctx->alt_key) SECKEY_DestroyPrivateKey(ctx->alt_key);
    free(ctx);
}

static bool is_ip_literal(const char *name)
{
    unsigned char addr[16];
    return name && (inet_pton(AF_INET, name, addr) == 1 || inet_pton(AF_INET6, name, addr) == 1);
}

static MG_RESULT read_files(mg_context *ctx, mg_side_outcome *why)
{
    const mg_side_config *cfg = &ctx->config;
    MG_NSS_STEP(mg_nss_read_credential(ctx, why), why);
    if (cfg->trust_file) MG_NSS_STEP(mg_nss_read_certs(cfg->trust_file, &ctx->anchors, why), why);
    if (cfg->crl_file && cfg->policy == MG_POLICY_STRICT)
        MG_NSS_STEP(mg_nss_read_crls(cfg->crl_file, &ctx->crls, why), why);
    if (cfg->role == MG_ROLE_SERVER && cfg->ocsp_file)
        MG_NSS_STEP(mg_nss_read_der(cfg->ocsp_file, &ctx->ocsp, why), why);
    ctx->server_name_is_ip = is_ip_literal(cfg->server_name);
    MG_NSS_STEP(mg_nss_read_ca_names(ctx, why), why);
    MG_NSS_STEP(mg_nss_read_alt_credential(ctx, why), why);
    return MG_OK;
}

MG_RESULT mg_nss_context_new(const mg_side_config *config, mg_parsed_cache *parsed,
                             mg_context **out, mg_side_outcome *why)
{
    (void)parsed; /* the context itself is what is parsed once */
    *out = NULL;
    mg_side_outcome_clear(why);
    MG_ENSURE(config->tls == MG_TLS12 || config->tls == MG_TLS13, MG_E_USAGE,
              "nss: unsupported TLS version %d", (int)config->tls);
    MG_GUARD(mg_nss_init());
    /* NSS keeps its last error per thread and some calls fail without setting one: clear it,
     * so a failure here never reports a code left by another case of this worker. */
    PR_SetError(0, 0);
    mg_context *ctx = calloc(1, sizeof *ctx);
    MG_ENSURE(ctx, MG_E_INTERNAL, "nss: out of memory for a context");
    ctx->config = *config;
    mg_result r = read_files(ctx, why);
    if (!mg_ok(r) || mg_nss_refused(why)) {
        mg_nss_context_free(ctx);
        return r;
    }
    r = mg_nss_judge_digest(ctx);
    if (!mg_ok(r)) {
        mg_nss_context_free(ctx);
        return r;
    }
    *out = ctx;
    return MG_OK;
}
