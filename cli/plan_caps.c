/* Which capabilities a case needs from each stack; a stack without one is a skip, with the
 * capability named, never a pass or a fail. */
#include "plan.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *word; /* as scenarios name it in `needs` */
    unsigned cap;
} named_caps[] = {
    {"san-only", MG_CAP_SAN_ONLY},     {"host-ip", MG_CAP_HOST_IP},
    {"ocsp", MG_CAP_OCSP_STAPLE},      {"crl", MG_CAP_CRL},
    {"pkcs12", MG_CAP_PKCS12},         {"skip-key-check", MG_CAP_SKIP_KEY_CHECK},
};

static const char *cap_name(unsigned cap)
{
    switch (cap) {
    case MG_CAP_TLS12: return "TLS 1.2";
    case MG_CAP_TLS13: return "TLS 1.3";
    case MG_CAP_PINNED_TIME: return "verification at a pinned time";
    case MG_CAP_MAX_DEPTH: return "max-depth";
    case MG_CAP_KEYLOG: return "keylog";
    }
    for (size_t i = 0; i < sizeof named_caps / sizeof named_caps[0]; i++)
        if (named_caps[i].cap == cap) return named_caps[i].word;
    return "?";
}

static bool is_ip_literal(const char *name)
{
    unsigned char buf[16];
    return inet_pton(AF_INET, name, buf) == 1 || inet_pton(AF_INET6, name, buf) == 1;
}

static unsigned needed_caps(const mg_side_config *c, const mg_scenario_side *side, mg_policy p)
{
    unsigned caps = c->tls == MG_TLS12 ? MG_CAP_TLS12 : MG_CAP_TLS13;
    if (c->credential.p12_file) caps |= MG_CAP_PKCS12;
    if (c->crl_file) caps |= MG_CAP_CRL;
    if (c->ocsp_file || c->require_ocsp) caps |= MG_CAP_OCSP_STAPLE;
    if (c->pin_time) caps |= MG_CAP_PINNED_TIME;
    if (c->role == MG_ROLE_CLIENT && c->server_name && is_ip_literal(c->server_name))
        caps |= MG_CAP_HOST_IP;
    if (c->skip_key_check) caps |= MG_CAP_SKIP_KEY_CHECK;
    if (c->limit_depth) caps |= MG_CAP_MAX_DEPTH;
    if (p == MG_POLICY_STRICT)
        for (size_t i = 0; i < side->needs.count; i++)
            for (size_t k = 0; k < sizeof named_caps / sizeof named_caps[0]; k++)
                if (strcmp(side->needs.items[i], named_caps[k].word) == 0) caps |= named_caps[k].cap;
    return caps;
}

static unsigned lowest_bit(unsigned mask) { return mask & (~mask + 1u); }

mg_result mg_plan_skip_reason(const mg_case_key *key, const mg_case *c, char **why)
{
    *why = NULL;
    unsigned client_missing =
        needed_caps(c->client, &key->scenario->client, key->policy) & ~key->client_stack->caps;
    unsigned server_missing =
        needed_caps(c->server, &key->scenario->server, key->policy) & ~key->server_stack->caps;
    if (!client_missing && !server_missing) return MG_OK;
    const mg_stack *stack = client_missing ? key->client_stack : key->server_stack;
    unsigned cap = lowest_bit(client_missing ? client_missing : server_missing);
    char text[256];
    snprintf(text, sizeof text, "%s as %s cannot express %s", stack->name,
             client_missing ? "client" : "server", cap_name(cap));
    MG_GUARD(mg_strdup(text, why));
    return MG_OK;
}
