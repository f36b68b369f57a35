/* OpenSSL's stock tools, `openssl s_server` and `openssl s_client`: the shell functions of a
 * repro bundle's commands.sh, with the flags that make them check what the case checks (trust,
 * purpose, CRLs for the whole chain and OCSP under strict, the host name, the TLS version,
 * whether a client certificate is required), what they print when they refuse, and their
 * command lines for the process-per-case benchmark. */
#include "stack.h"

#include <openssl/pem.h>

#include <stdlib.h>
#include <string.h>

static MG_RESULT write_server(FILE *f, const mg_tool_case *k)
{
    fprintf(f, "  exec timeout \"$LIMIT\" openssl s_server -accept \"%s\" -naccept 1 -www %s \\\n",
            k->family == 6 ? "[::1]:$1" : "127.0.0.1:$1", k->tls13 ? "-tls1_3" : "-tls1_2");
    /* -cert reads only the leaf: the rest of server.pem goes in -cert_chain. */
    if (k->server_cert)
        fprintf(f, "    -cert server.pem%s -key server.key \\\n",
                k->server_extra ? " -cert_chain <(rest_of server.pem)" : "");
    if (k->server->peer_check != MG_PEER_NONE)
        fprintf(f, "    -CAfile server-trust.pem %s 10 -verify_return_error%s \\\n",
                k->server->peer_check == MG_PEER_REQUIRED ? "-Verify" : "-verify",
                k->strict ? " -purpose sslclient" : "");
    if (k->strict && k->server->crl_file) fprintf(f, "    -CRL crl.pem -crl_check_all \\\n");
    if (k->ocsp) fprintf(f, "    -status_file ocsp.der \\\n");
    fprintf(f, "    </dev/null\n");
    return MG_OK;
}

static MG_RESULT write_client(FILE *f, const mg_tool_case *k)
{
    fprintf(f, "  printf '%%s' \"$REQUEST\" | timeout \"$LIMIT\" openssl s_client -connect \"%s\" "
               "%s \\\n",
            k->family == 6 ? "[::1]:$1" : "127.0.0.1:$1", k->tls13 ? "-tls1_3" : "-tls1_2");
    if (k->family)
        fprintf(f, "    -noservername -verify_ip \"$NAME\" \\\n");
    else
        fprintf(f, "    -servername \"$NAME\" -verify_hostname \"$NAME\" \\\n");
    fprintf(f, "    -CAfile client-trust.pem -verify_return_error%s \\\n",
            k->strict ? " -purpose sslserver" : "");
    if (k->client_via_p12) /* s_client sends none of the PKCS#12's CA certificates */
        fprintf(f, "    -cert client.p12 -pass file:p12-password.txt%s \\\n",
                k->client_extra ? " -cert_chain <(rest_of client.pem)" : "");
    else if (k->client_cert)
        fprintf(f, "    -cert client.pem%s -key client.key \\\n",
                k->client_extra ? " -cert_chain <(rest_of client.pem)" : "");
    if (k->strict && k->client->crl_file) fprintf(f, "    -CRL crl.pem -crl_check_all \\\n");
    if (k->strict && (k->ocsp || k->client->require_ocsp)) fprintf(f, "    -status \\\n");
    fprintf(f, "    -ign_eof\n");
    return MG_OK;
}

/* The benchmark's tools take the leaf (-cert) apart from its chain (-cert_chain); the
 * harness's credential file holds both, so it is split into DIR/ROLE-{leaf,chain}.pem. */
static MG_RESULT split_credential(const char *file, const char *dir, const char *role,
                                  char leaf[4096], char chain[4096])
{
    int n = snprintf(leaf, 4096, "%s/%s-leaf.pem", dir, role);
    int m = snprintf(chain, 4096, "%s/%s-chain.pem", dir, role);
    MG_ENSURE(n > 0 && n < 4096 && m > 0 && m < 4096, MG_E_IO, "bench: %s: path too long", dir);
    FILE *in = fopen(file, "r"), *l = fopen(leaf, "w"), *c = fopen(chain, "w");
    bool ok = in && l && c;
    unsigned count = 0;
    for (X509 *x; ok && (x = PEM_read_X509(in, NULL, NULL, NULL)); count++) {
        ok = PEM_write_X509(count ? c : l, x) == 1;
        X509_free(x);
    }
    ok = ok && count > 0;
    if (in) fclose(in);
    if (l) ok = fclose(l) == 0 && ok;
    if (c) ok = fclose(c) == 0 && ok;
    MG_ENSURE(ok, MG_E_IO, "bench: cannot split %s into %s and %s", file, leaf, chain);
    if (count == 1) chain[0] = '\0';
    return MG_OK;
}

/* What both sides share: the credential, the trust, the TLS version and the pinned time. */
static MG_RESULT side_command(const mg_side_config *c, const char *work_dir, mg_tool_command *t)
{
    const char *role = c->role == MG_ROLE_SERVER ? "server" : "client";
    MG_ENSURE(c->credential.cert_file && c->credential.key_file && c->trust_file &&
                  (c->role == MG_ROLE_SERVER || c->server_name),
              MG_E_INTERNAL, "bench: the %s side lacks a certificate, key, trust file or name",
              role);
    char *leaf = t->text[0], *chain = t->text[1], *attime = t->text[2];
    MG_GUARD(split_credential(c->credential.cert_file, work_dir, role, leaf, chain));
    mg_tool_arg(t, "openssl");
    mg_tool_arg(t, c->role == MG_ROLE_SERVER ? "s_server" : "s_client");
    mg_tool_arg(t, "-cert"), mg_tool_arg(t, leaf);
    mg_tool_arg(t, "-key"), mg_tool_arg(t, c->credential.key_file);
    if (chain[0]) mg_tool_arg(t, "-cert_chain"), mg_tool_arg(t, chain);
    mg_tool_arg(t, "-CAfile"), mg_tool_arg(t, c->trust_file);
    mg_tool_arg(t, "-verify_return_error");
    mg_tool_arg(t, c->tls == MG_TLS12 ? "-tls1_2" : "-tls1_3"), mg_tool_arg(t, "-no_ticket");
    if (c->pin_time) {
        snprintf(attime, sizeof t->text[2], "%lld", (long long)c->verify_time);
        mg_tool_arg(t, "-attime"), mg_tool_arg(t, attime);
    }
    return MG_OK;
}

/* -rev answers each line reversed, so the client sees that the round trip happened. */
static MG_RESULT bench_server(const mg_side_config *server, const char *work_dir,
                              mg_tool_command *t)
{
    MG_GUARD(side_command(server, work_dir, t));
    mg_tool_arg(t, "-accept"), mg_tool_arg(t, "127.0.0.1:0"), mg_tool_arg(t, "-naccept");
    mg_tool_arg(t, "1"), mg_tool_arg(t, "-rev"), mg_tool_arg(t, "-Verify"), mg_tool_arg(t, "8");
    MG_ENSURE(!t->overflow, MG_E_INTERNAL, "bench: s_server takes more than %d words",
              MG_TOOL_ARGV_MAX);
    return MG_OK;
}

static MG_RESULT bench_client(const mg_side_config *client, const char *work_dir, int port,
                              mg_tool_command *t)
{
    MG_GUARD(side_command(client, work_dir, t));
    char *address = t->text[3];
    snprintf(address, sizeof t->text[3], "127.0.0.1:%d", port);
    mg_tool_arg(t, "-connect"), mg_tool_arg(t, address), mg_tool_arg(t, "-quiet");
    mg_tool_arg(t, "-ign_eof"), mg_tool_arg(t, "-servername"), mg_tool_arg(t, client->server_name);
    mg_tool_arg(t, "-verify_hostname"), mg_tool_arg(t, client->server_name);
    MG_ENSURE(!t->overflow, MG_E_INTERNAL, "bench: s_client takes more than %d words",
              MG_TOOL_ARGV_MAX);
    return MG_OK;
}

/* s_server says "ACCEPT 127.0.0.1:PORT" once it listens. */
static bool port_of(const char *output, int *port)
{
    const char *line = strstr(output, "ACCEPT");
    const char *colon = line ? strrchr(line, ':') : NULL;
    if (!colon) return false;
    *port = atoi(colon + 1);
    return *port > 0;
}

static const mg_tool_bench bench = {
    .server_command = bench_server,
    .client_command = bench_client,
    .listening = "ACCEPT",
    .port_of = port_of,
    .request = "ping\nCLOSE\n",
    .answer = "gnip",
};

bool mg_ossl_own_refusal_words(long native_code, bool as_client, bool p12, const char *file,
                               char *buf, size_t len); /* own_refusal_words.c */

const mg_stack_tools mg_openssl_tools = {
    .server_tool = "openssl s_server",
    .client_tool = "openssl s_client",
    .write_server = write_server,
    .write_client = write_client,
    .server_refusal = "`s_server` prints `verify error:num=N:...`",
    .client_refusal = "`s_client` prints `verify error:num=N:...`",
    .readme_notes = "- `s_client -status` asks for a stapled OCSP response but does not fail "
                    "without one.\n",
    .bench = &bench,
    .own_refusal_words = mg_ossl_own_refusal_words,
};
