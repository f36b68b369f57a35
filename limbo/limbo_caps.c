/* What each side's config asks of its stack; a missing capability is a skip that names it. */
#include "limbo_plan.h"

#include <arpa/inet.h>
#include <stdio.h>

static bool is_ip_literal(const char *name)
{
    unsigned char buf[16];
    return inet_pton(AF_INET, name, buf) == 1 || inet_pton(AF_INET6, name, buf) == 1;
}

static const struct {
    unsigned cap;
    const char *text;
} cap_texts[] = {
    {MG_CAP_TLS12, "TLS 1.2"},
    {MG_CAP_TLS13, "TLS 1.3"},
    {MG_CAP_CRL, "CRL checking"},
    {MG_CAP_PINNED_TIME, "verification at validation_time"},
    {MG_CAP_HOST_IP, "IP address verification"},
    {MG_CAP_MAX_DEPTH, "max_chain_depth"},
};

static unsigned needed(const mg_side_config *c)
{
    unsigned caps = c->tls == MG_TLS12 ? MG_CAP_TLS12 : MG_CAP_TLS13;
    if (c->crl_file) caps |= MG_CAP_CRL;
    if (c->pin_time) caps |= MG_CAP_PINNED_TIME;
    if (c->role == MG_ROLE_CLIENT && c->server_name && is_ip_literal(c->server_name))
        caps |= MG_CAP_HOST_IP;
    if (c->limit_depth) caps |= MG_CAP_MAX_DEPTH;
    return caps;
}

static bool missing(const mg_stack *stack, const mg_side_config *c, const char *role, char *why,
                    size_t len)
{
    unsigned lacking = needed(c) & ~stack->caps;
    for (size_t i = 0; lacking && i < sizeof cap_texts / sizeof cap_texts[0]; i++) {
        if (!(lacking & cap_texts[i].cap)) continue;
        snprintf(why, len, "%s as %s cannot express %s", stack->name, role, cap_texts[i].text);
        return true;
    }
    return false;
}

mg_result mg_limbo_caps_skip(const mg_case *c, char **why)
{
    *why = NULL;
    char text[256];
    if (missing(c->client_stack, c->client, "client", text, sizeof text) ||
        missing(c->server_stack, c->server, "server", text, sizeof text))
        MG_GUARD(mg_strdup(text, why));
    return MG_OK;
}
