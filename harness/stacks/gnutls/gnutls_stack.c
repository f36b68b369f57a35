/* The GnuTLS backend's entry in the stack table: what it can express, and its contexts. */
#include "stack.h"
#include "gnutls_internal.h"

#include <stdlib.h>

static const char *version(void) { return gnutls_check_version(NULL); }

/* strict adds GnuTLS's MEDIUM verification profile (112-bit security). It must come through
 * the priority string: profile bits OR-ed into the credentials' verify flags combine with the
 * session's own profile into a different one (LOW | MEDIUM reads as ULTRA). */
static const char *priority_for(const mg_side_config *c)
{
    bool strict = c->policy == MG_POLICY_STRICT;
    if (c->tls == MG_TLS12)
        return strict ? "NORMAL:-VERS-ALL:+VERS-TLS1.2:%PROFILE_MEDIUM"
                      : "NORMAL:-VERS-ALL:+VERS-TLS1.2";
    return strict ? "NORMAL:-VERS-ALL:+VERS-TLS1.3:%PROFILE_MEDIUM"
                  : "NORMAL:-VERS-ALL:+VERS-TLS1.3";
}

static void context_free(mg_context *context)
{
    mg_gnutls_context *ctx = mg_gnutls_ctx(context);
    if (!ctx) return;
    mg_gnutls_credentials_put(ctx->cred);
    if (ctx->priority) gnutls_priority_deinit(ctx->priority);
    free(ctx);
}

static MG_RESULT context_new(const mg_side_config *config, mg_parsed_cache *parsed,
                             mg_context **out, mg_side_outcome *why)
{
    *out = NULL;
    MG_ENSURE(config->tls == MG_TLS12 || config->tls == MG_TLS13, MG_E_USAGE,
              "gnutls: unsupported TLS version %d", (int)config->tls);
    mg_gnutls_context *ctx = calloc(1, sizeof *ctx);
    MG_ENSURE(ctx, MG_E_INTERNAL, "gnutls: out of memory for a context");
    ctx->config = *config;
    mg_gnutls_use_time(config); /* CRL and OCSP checks while loading */
    const char *where = NULL;
    int rc = gnutls_priority_init(&ctx->priority, priority_for(config), &where);
    if (rc < 0) {
        context_free((mg_context *)ctx);
        return mg_fail(MG_E_INTERNAL, "gnutls: priority string rejected at \"%s\": %s",
                       where ? where : "?", gnutls_strerror(rc));
    }
    mg_result r = mg_gnutls_credentials_get(config, parsed, &ctx->cred, why);
    if (!mg_ok(r) || !ctx->cred) {
        context_free((mg_context *)ctx);
        return r;
    }
    *out = (mg_context *)ctx;
    return MG_OK;
}

extern const mg_stack_tools mg_gnutls_tools; /* tools.c */
extern const mg_tool_words mg_gnutls_inspect_words[]; /* inspect_words.c */
extern const mg_verify_tool mg_gnutls_verify_tool;    /* verify_tool.c */

/* Not MG_CAP_SAN_ONLY: for a DNS name GnuTLS falls back to the CN when the certificate has no
 * dNSName SAN, and no flag turns that off (3.7). IP literals are checked against iPAddress
 * SANs only under strict (GNUTLS_DT_IP_ADDRESS). */
const mg_stack mg_stack_gnutls = {
    .name = "gnutls",
    .display = "GnuTLS",
    .shares_parsed = true,
    .caps = MG_CAP_TLS12 | MG_CAP_TLS13 | MG_CAP_PKCS12 | MG_CAP_CRL | MG_CAP_OCSP_STAPLE |
            MG_CAP_OCSP | MG_CAP_PINNED_TIME | MG_CAP_HOST_IP | MG_CAP_SKIP_KEY_CHECK |
            MG_CAP_KEYLOG | MG_CAP_MAX_DEPTH | MG_CAP_POST_HANDSHAKE_AUTH | MG_CAP_CA_NAMES |
                MG_CAP_CLIENT_CERT_SELECT | MG_CAP_RESUMPTION,
    .tools = &mg_gnutls_tools,
    .inspect_words = mg_gnutls_inspect_words,
    .verify_tool = &mg_gnutls_verify_tool,
    .version = version,
    .context_new = context_new,
    .context_free = context_free,
    .session_new = mg_gnutls_session_new,
    .session_free = mg_gnutls_session_free,
    .handshake = mg_gnutls_handshake,
    .send = mg_gnutls_send,
    .recv = mg_gnutls_recv,
    .outcome = mg_gnutls_outcome,
    .request_client_cert = mg_gnutls_request_client_cert,
    .ticket_take = mg_gnutls_ticket_take,
    .ticket_offer = mg_gnutls_ticket_offer,
    .ticket_free = mg_gnutls_ticket_free,
    .resumption_state = mg_gnutls_resumption_state,
};
