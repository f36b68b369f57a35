/* GnuTLS's stock tools, `gnutls-serv` and `gnutls-cli`: the shell functions of a repro
 * bundle's commands.sh, with the flags that make them check what the case checks, what they
 * print when they refuse, and what they cannot check (the README's caveats). Not timed by
 * the benchmark: one stack's tools are enough for its process-per-case reference. */
#include "stack.h"

/* Both tools take the TLS version as a priority string. */
static MG_RESULT write_prelude(FILE *f, const mg_tool_case *k)
{
    fprintf(f, "PRIORITY=NORMAL:-VERS-ALL:+VERS-TLS%s  # GnuTLS: this TLS version only\n",
            k->tls13 ? "1.3" : "1.2");
    return MG_OK;
}

static MG_RESULT write_server(FILE *f, const mg_tool_case *k)
{
    fprintf(f, "  exec timeout \"$LIMIT\" gnutls-serv --port \"$1\" --http "
               "--priority \"$PRIORITY\" \\\n");
    if (k->server_cert)
        fprintf(f, "    --x509certfile server.pem --x509keyfile server.key \\\n");
    if (k->server->peer_check == MG_PEER_NONE)
        fprintf(f, "    --disable-client-cert \\\n");
    else
        fprintf(f, "    --x509cafile server-trust.pem %s--verify-client-cert \\\n",
                k->server->peer_check == MG_PEER_REQUIRED ? "--require-client-cert " : "");
    if (k->strict && k->server->crl_file) fprintf(f, "    --x509crlfile crl.pem \\\n");
    if (k->ocsp) fprintf(f, "    --ocsp-response ocsp.der --ignore-ocsp-response-errors \\\n");
    fprintf(f, "    </dev/null\n");
    return MG_OK;
}

/* gnutls-cli cannot load PKCS#12: it always takes client.pem and client.key. */
static MG_RESULT write_client(FILE *f, const mg_tool_case *k)
{
    fprintf(f, "  printf '%%s' \"$REQUEST\" | timeout \"$LIMIT\" gnutls-cli %s --port \"$1\" "
               "--priority \"$PRIORITY\" \\\n",
            k->addr);
    if (k->client_cert)
        fprintf(f, "    --x509certfile client.pem --x509keyfile client.key \\\n");
    if (k->strict && k->client->crl_file) fprintf(f, "    --x509crlfile crl.pem \\\n");
    fprintf(f, "    %s--verify-hostname \"$NAME\" --x509cafile client-trust.pem\n",
            k->family ? "--disable-sni " : "--sni-hostname \"$NAME\" ");
    return MG_OK;
}

const mg_stack_tools mg_gnutls_tools = {
    .server_tool = "gnutls-serv",
    .client_tool = "gnutls-cli",
    .write_server = write_server,
    .write_client = write_client,
    .write_prelude = write_prelude,
    .server_refusal = "`gnutls-serv` `Error in handshake: Error in the certificate`",
    .client_refusal = "`gnutls-cli` `*** PKI verification of server certificate failed`",
    .readme_notes =
        "- `gnutls-serv` never checks the client certificate's extended key usage (it asks "
        "GnuTLS to verify without a purpose), so it accepts a client certificate made for "
        "servers only.\n"
        "- `gnutls-serv` says only `Error in the certificate` when it refuses a client "
        "certificate, and sends the alert `access denied` whatever the reason; `s_server` names "
        "the reason and sends a matching alert.\n"
        "- `gnutls-cli` cannot load a PKCS#12 file: it uses `client.pem` and `client.key`. Nor "
        "does it check that the key belongs to the certificate: with a mismatched pair it "
        "connects, and the server refuses the CertificateVerify signature (`decrypt error`).\n",
    .bench = NULL,
};
