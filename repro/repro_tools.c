/* Each tool gets the flags that make it check what the case checks: trust, purpose (EKU),
 * CRLs for the whole chain and OCSP under strict, the host name on the client, the TLS
 * version, and whether the server requires a client certificate. The stacks write their own
 * tools' lines (harness/stacks/<stack>/tools.c); curl, which is no stack, is written here. */
#include "repro_tools.h"

#include <arpa/inet.h>
#include <stddef.h>
#include <string.h>

int mg_repro_host_family(const char *host)
{
    unsigned char buf[16];
    if (inet_pton(AF_INET, host, buf) == 1) return 4;
    if (inet_pton(AF_INET6, host, buf) == 1) return 6;
    return 0;
}

static mg_tool_case tool_case(const mg_repro_bundle *b)
{
    int family = mg_repro_host_family(b->host);
    return (mg_tool_case){
        .client = b->rc->c->client,
        .server = b->rc->c->server,
        .strict = b->rc->key->policy == MG_POLICY_STRICT,
        .tls13 = b->rc->key->tls == MG_TLS13,
        .family = family,
        .addr = family == 6 ? "::1" : "127.0.0.1",
        .server_cert = b->server_cert,
        .server_extra = b->server_extra > 0,
        .client_cert = b->client_cert,
        .client_extra = b->client_extra > 0,
        .client_via_p12 = b->client_via_p12,
        .ocsp = b->ocsp,
    };
}

static MG_RESULT write_curl(FILE *f, const mg_tool_case *k)
{
    fprintf(f, "  timeout \"$LIMIT\" curl --silent --show-error --include --max-time \"$LIMIT\" "
               "%s \\\n    --cacert client-trust.pem \\\n",
            k->tls13 ? "--tlsv1.3 --tls-max 1.3" : "--tlsv1.2 --tls-max 1.2");
    if (k->client_via_p12)
        fprintf(f, "    --cert-type P12 --cert \"client.p12:$(cat p12-password.txt)\" \\\n");
    else if (k->client_cert)
        fprintf(f, "    --cert client.pem --key client.key \\\n");
    if (k->strict && k->client->crl_file) fprintf(f, "    --crlfile crl.pem \\\n");
    if (k->strict && k->client->require_ocsp) fprintf(f, "    --cert-status \\\n");
    if (k->family == 6)
        fprintf(f, "    \"https://[::1]:$1/\"\n");
    else if (k->family == 4)
        fprintf(f, "    \"https://$NAME:$1/\"\n");
    else
        fprintf(f, "    --resolve \"$NAME:$1:127.0.0.1\" \"https://$NAME:$1/\"\n");
    return MG_OK;
}

static const char *peer_check_name(mg_peer_check check)
{
    switch (check) {
    case MG_PEER_REQUIRED: return "required";
    case MG_PEER_OPTIONAL: return "optional";
    case MG_PEER_NONE: return "none";
    }
    return "required"; /* not reached: every mg_peer_check is named above */
}

/* A stack without a stock tool for a side: mtlsgrid plays that side of the bundle with it, so
 * the stack still meets every other tool (mtlsgrid must be on PATH, or in $MTLSGRID). */
static MG_RESULT write_replay(FILE *f, const mg_stack *s, mg_role role, const mg_repro_bundle *b,
                              const mg_tool_case *k)
{
    const char *policy = mg_policy_name(b->rc->key->policy);
    if (role == MG_ROLE_SERVER)
        fprintf(f, "  # %s ships no server tool: mtlsgrid plays the bundle's server with it\n"
                   "  exec timeout \"$LIMIT\" \"${MTLSGRID:-mtlsgrid}\" serve --stack %s "
                   "--bundle . --host %s --port \"$1\" \\\n    --count 1 --tls \"$TLS\" "
                   "--policy %s --client-cert %s </dev/null\n",
                s->display, s->name, k->addr, policy, peer_check_name(k->server->peer_check));
    else
        fprintf(f, "  # %s ships no client tool: mtlsgrid plays the bundle's client with it\n"
                   "  timeout \"$LIMIT\" \"${MTLSGRID:-mtlsgrid}\" connect --stack %s --bundle . "
                   "--host %s --port \"$1\" \\\n    --tls \"$TLS\" --policy %s </dev/null\n",
                s->display, s->name, k->addr, policy);
    return MG_OK;
}

mg_result mg_repro_write_stack_function(FILE *f, const mg_stack *s, mg_role role,
                                        const mg_repro_bundle *b)
{
    bool server = role == MG_ROLE_SERVER;
    mg_tool_case k = tool_case(b);
    MG_RESULT (*write)(FILE *, const mg_tool_case *) =
        !s->tools ? NULL : server ? s->tools->write_server : s->tools->write_client;
    fprintf(f, "%s_%s() {\n", server ? "server" : "client", s->name);
    MG_GUARD(write ? write(f, &k) : write_replay(f, s, role, b, &k));
    fprintf(f, "}\n\n");
    return MG_OK;
}

mg_result mg_repro_write_tool_preludes(FILE *f, const mg_repro_bundle *b)
{
    mg_tool_case k = tool_case(b);
    for (const mg_stack *const *s = mg_stacks; *s; s++)
        if ((*s)->tools && (*s)->tools->write_prelude) MG_GUARD((*s)->tools->write_prelude(f, &k));
    return MG_OK;
}

mg_result mg_repro_write_tool_functions(FILE *f, const mg_repro_bundle *b)
{
    mg_tool_case k = tool_case(b);
    for (const mg_stack *const *s = mg_stacks; *s; s++)
        MG_GUARD(mg_repro_write_stack_function(f, *s, MG_ROLE_SERVER, b));
    for (const mg_stack *const *s = mg_stacks; *s; s++)
        MG_GUARD(mg_repro_write_stack_function(f, *s, MG_ROLE_CLIENT, b));
    fprintf(f, "client_curl() {\n");
    MG_GUARD(write_curl(f, &k));
    fprintf(f, "}\n\n");
    return MG_OK;
}

void mg_repro_side_list_make(mg_role role, mg_repro_side_list *out)
{
    bool server = role == MG_ROLE_SERVER;
    out->count = 0;
    for (const mg_stack *const *s = mg_stacks; *s; s++) {
        size_t i = out->count++;
        const char *tool = !(*s)->tools ? NULL
                           : server     ? (*s)->tools->server_tool
                                        : (*s)->tools->client_tool;
        if (!tool) {
            snprintf(out->replay[i], sizeof out->replay[i], "mtlsgrid %s --stack %s",
                     server ? "serve" : "connect", (*s)->name);
            tool = out->replay[i];
        }
        out->names[i] = (*s)->name;
        out->tools[i] = tool;
    }
    if (!server) {
        out->names[out->count] = "curl";
        out->tools[out->count++] = "curl";
    }
}

mg_result mg_repro_join(const char *const *items, size_t count, const char *quote,
                        const char *sep, const char *last, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < count; i++) {
        const char *before = i == 0 ? "" : i + 1 == count ? last : sep;
        int n = snprintf(buf + used, len - used, "%s%s%s%s", before, quote, items[i], quote);
        MG_ENSURE(n >= 0 && (size_t)n < len - used, MG_E_INTERNAL,
                  "repro: a list of %zu tools does not fit in %zu bytes", count, len);
        used += (size_t)n;
    }
    return MG_OK;
}

static const char *tool_text(const mg_stack_tools *tools, mg_repro_text kind)
{
    switch (kind) {
    case MG_REPRO_SERVER_REFUSAL: return tools->server_refusal;
    case MG_REPRO_CLIENT_REFUSAL: return tools->client_refusal;
    case MG_REPRO_NOTES: return tools->readme_notes;
    }
    return NULL; /* not reached: every kind is named above */
}

size_t mg_repro_tool_texts(mg_repro_text kind, const char *out[MG_STACK_MAX])
{
    size_t count = 0;
    for (const mg_stack *const *s = mg_stacks; *s; s++) {
        const char *text = (*s)->tools ? tool_text((*s)->tools, kind) : NULL;
        if (text) out[count++] = text;
    }
    return count;
}
