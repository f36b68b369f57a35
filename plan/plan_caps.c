/* Which capabilities a case needs from each stack; a stack without one is a skip, with the
 * capability named, never a pass or a fail. The capabilities are harness/backend/caps.c's. */
#include "plan.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool is_ip_literal(const char *name)
{
    unsigned char buf[16];
    return inet_pton(AF_INET, name, buf) == 1 || inet_pton(AF_INET6, name, buf) == 1;
}

unsigned mg_config_needs(const mg_side_config *c)
{
    unsigned needs = c->tls == MG_TLS12 ? MG_CAP_TLS12 : MG_CAP_TLS13;
    if (c->credential.p12_file) needs |= MG_CAP_PKCS12;
    if (c->crl_file) needs |= MG_CAP_CRL;
    if (c->ocsp_file) needs |= MG_CAP_OCSP_STAPLE;
    if (c->require_ocsp) needs |= MG_CAP_OCSP;
    if (c->pin_time) needs |= MG_CAP_PINNED_TIME;
    if (c->role == MG_ROLE_CLIENT && c->server_name && is_ip_literal(c->server_name))
        needs |= MG_CAP_HOST_IP;
    if (c->skip_key_check) needs |= MG_CAP_SKIP_KEY_CHECK;
    if (c->limit_depth) needs |= MG_CAP_MAX_DEPTH;
    if (c->keylog_file) needs |= MG_CAP_KEYLOG;
    if (c->resumption) needs |= MG_CAP_RESUMPTION;
    if (c->offer_post_handshake_auth || c->ask_after_handshake) needs |= MG_CAP_POST_HANDSHAKE_AUTH;
    if (c->role == MG_ROLE_CLIENT && c->alt_credential.cert_file)
        needs |= MG_CAP_CLIENT_CERT_SELECT;
    return needs;
}

/* What a scenario side asks for by name, under strict only: minimal turns no check on. The
 * scenario loader accepts only names mg_cap_from_name knows. */
static unsigned scenario_needs(const mg_scenario_side *side, mg_policy p)
{
    /* CA names a scenario sets hold under every policy, and so does their need (the strict
     * default, the trusted names, is a request a stack without the capability ignores). */
    unsigned needs = side->ca_names ? MG_CAP_CA_NAMES : 0, cap;
    if (p != MG_POLICY_STRICT) return needs;
    for (size_t i = 0; i < side->needs.count; i++)
        if (mg_cap_from_name(side->needs.items[i], &cap)) needs |= cap;
    return needs;
}

static unsigned lowest_bit(unsigned mask) { return mask & (~mask + 1u); }

mg_result mg_case_skip_reason(const mg_case *c, unsigned client_extra, unsigned server_extra,
                              char **why)
{
    *why = NULL;
    unsigned client_missing = (mg_config_needs(c->client) | client_extra) & ~c->client_stack->caps;
    unsigned server_missing = (mg_config_needs(c->server) | server_extra) & ~c->server_stack->caps;
    if (!client_missing && !server_missing) return MG_OK;
    const mg_stack *stack = client_missing ? c->client_stack : c->server_stack;
    unsigned cap = lowest_bit(client_missing ? client_missing : server_missing);
    char text[256];
    snprintf(text, sizeof text, "%s as %s cannot express %s", stack->name,
             client_missing ? "client" : "server", mg_cap_text(cap));
    MG_GUARD(mg_strdup(text, why));
    return MG_OK;
}

mg_result mg_plan_skip_reason(const mg_case_key *key, const mg_case *c, char **why)
{
    return mg_case_skip_reason(c, scenario_needs(&key->scenario->client, key->policy),
                               scenario_needs(&key->scenario->server, key->policy), why);
}
