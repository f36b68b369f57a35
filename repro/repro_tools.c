/* Each tool gets the flags that make it check what the case checks: trust, purpose (EKU),
 * CRLs for the whole chain and OCSP under strict, the host name on the client, the TLS
 * version, and whether the server requires a client certificate. */
#include "repro_tools.h"

#include <arpa/inet.h>
#include <string.h>

int mg_repro_host_family(const char *host)
{
    unsigned char buf[16];
    if (inet_pton(AF_INET, host, buf) == 1) return 4;
    if (inet_pton(AF_INET6, host, buf) == 1) return 6;
    return 0;
}

typedef struct {
    const mg_repro_bundle *b;
    const mg_side_config *client, *server;
    bool strict, tls13;
    int family;
    const char *addr; /* "127.0.0.1" or "::1" */
} facts;

static void server_openssl(FILE *f, const facts *k)
{
    fprintf(f, "server_openssl() {\n  exec timeout \"$LIMIT\" openssl s_server -accept \"%s\" "
               "-naccept 1 -www %s \\\n",
            k->family == 6 ? "[::1]:$1" : "127.0.0.1:$1", k->tls13 ? "-tls1_3" : "-tls1_2");
    if (k->b->server_cert) {
        fprintf(f, "    -cert server.pem%s -key server.key \\\n",
                k->b->server_extra ? " -cert_chain <(rest_of server.pem)" : "");
    }
    if (k->server->peer_check != MG_PEER_NONE)
        fprintf(f, "    -CAfile server-trust.pem %s 10 -verify_return_error%s \\\n",
                k->server->peer_check == MG_PEER_REQUIRED ? "-Verify" : "-verify",
                k->strict ? " -purpose sslclient" : "");
    if (k->strict && k->server->crl_file) fprintf(f, "    -CRL crl.pem -crl_check_all \\\n");
    if (k->b->ocsp) fprintf(f, "    -status_file ocsp.der \\\n");
    fprintf(f, "    </dev/null\n}\n\n");
}

static void server_gnutls(FILE *f, const facts *k)
{
    fprintf(f, "server_gnutls() {\n  exec timeout \"$LIMIT\" gnutls-serv --port \"$1\" --http "
               "--priority \"$PRIORITY\" \\\n");
    if (k->b->server_cert)
        fprintf(f, "    --x509certfile server.pem --x509keyfile server.key \\\n");
    if (k->server->peer_check == MG_PEER_NONE)
        fprintf(f, "    --disable-client-cert \\\n");
    else
        fprintf(f, "    --x509cafile server-trust.pem %s--verify-client-cert \\\n",
                k->server->peer_check == MG_PEER_REQUIRED ? "--require-client-cert " : "");
    if (k->strict && k->server->crl_file) fprintf(f, "    --x509crlfile crl.pem \\\n");
    if (k->b->ocsp)
        fprintf(f, "    --ocsp-response ocsp.der --ignore-ocsp-response-errors \\\n");
    fprintf(f, "    </dev/null\n}\n\n");
}

static void client_openssl(FILE *f, const facts *k)
{
    fprintf(f, "client_openssl() {\n  printf '%%s' \"$REQUEST\" | timeout \"$LIMIT\" openssl "
               "s_client -connect \"%s\" %s \\\n",
            k->family == 6 ? "[::1]:$1" : "127.0.0.1:$1", k->tls13 ? "-tls1_3" : "-tls1_2");
    if (k->family)
        fprintf(f, "    -noservername -verify_ip \"$NAME\" \\\n");
    else
        fprintf(f, "    -servername \"$NAME\" -verify_hostname \"$NAME\" \\\n");
    fprintf(f, "    -CAfile client-trust.pem -verify_return_error%s \\\n",
            k->strict ? " -purpose sslserver" : "");
    if (k->b->client_via_p12) /* s_client sends none of the PKCS#12's CA certificates */
        fprintf(f, "    -cert client.p12 -pass file:p12-password.txt%s \\\n",
                k->b->client_extra ? " -cert_chain <(rest_of client.pem)" : "");
    else if (k->b->client_cert)
        fprintf(f, "    -cert client.pem%s -key client.key \\\n",
                k->b->client_extra ? " -cert_chain <(rest_of client.pem)" : "");
    if (k->strict && k->client->crl_file) fprintf(f, "    -CRL crl.pem -crl_check_all \\\n");
    if (k->strict && (k->b->ocsp || k->client->require_ocsp)) fprintf(f, "    -status \\\n");
    fprintf(f, "    -ign_eof\n}\n\n");
}

static void client_gnutls(FILE *f, const facts *k)
{
    fprintf(f, "client_gnutls() {\n  printf '%%s' \"$REQUEST\" | timeout \"$LIMIT\" gnutls-cli "
               "%s --port \"$1\" --priority \"$PRIORITY\" \\\n",
            k->addr);
    if (k->b->client_cert)
        fprintf(f, "    --x509certfile client.pem --x509keyfile client.key \\\n");
    if (k->strict && k->client->crl_file) fprintf(f, "    --x509crlfile crl.pem \\\n");
    fprintf(f, "    %s--verify-hostname \"$NAME\" --x509cafile client-trust.pem\n}\n\n",
            k->family ? "--disable-sni " : "--sni-hostname \"$NAME\" ");
}

static void client_curl(FILE *f, const facts *k)
{
    fprintf(f, "client_curl() {\n  timeout \"$LIMIT\" curl --silent --show-error --include "
               "--max-time \"$LIMIT\" %s \\\n    --cacert client-trust.pem \\\n",
            k->tls13 ? "--tlsv1.3 --tls-max 1.3" : "--tlsv1.2 --tls-max 1.2");
    if (k->b->client_via_p12)
        fprintf(f, "    --cert-type P12 --cert \"client.p12:$(cat p12-password.txt)\" \\\n");
    else if (k->b->client_cert)
        fprintf(f, "    --cert client.pem --key client.key \\\n");
    if (k->strict && k->client->crl_file) fprintf(f, "    --crlfile crl.pem \\\n");
    if (k->strict && k->client->require_ocsp) fprintf(f, "    --cert-status \\\n");
    if (k->family == 6)
        fprintf(f, "    \"https://[::1]:$1/\"\n}\n\n");
    else if (k->family == 4)
        fprintf(f, "    \"https://$NAME:$1/\"\n}\n\n");
    else
        fprintf(f, "    --resolve \"$NAME:$1:127.0.0.1\" \"https://$NAME:$1/\"\n}\n\n");
}

void mg_repro_write_tool_functions(FILE *f, const mg_repro_bundle *b)
{
    facts k = {b, b->rc->c->client, b->rc->c->server, b->rc->key->policy == MG_POLICY_STRICT,
               b->rc->key->tls == MG_TLS13, mg_repro_host_family(b->host), "127.0.0.1"};
    if (k.family == 6) k.addr = "::1";
    server_openssl(f, &k);
    server_gnutls(f, &k);
    client_openssl(f, &k);
    client_gnutls(f, &k);
    client_curl(f, &k);
}
