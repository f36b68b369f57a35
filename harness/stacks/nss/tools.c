/* NSS's stock tools, `selfserv` and `tstclnt` (Debian's libnss3-tools): the shell functions of
 * a repro bundle's commands.sh. Both read certificates, keys and trust from an NSS database,
 * so commands.sh makes one per side from the bundle's files (certutil, pk12util, crlutil)
 * in nss-server.db/ or nss-client.db/ beside it. Both verify as NSS's default
 * SSL_AuthCertificate does, which is this project's minimal policy: strict's own checks
 * (pinned time, chain depth, stapled OCSP) have no flag there, which the README says. Not timed
 * by the benchmark. */
#include "stack.h"

/* nss_db DIR TRUST [PEM KEY NICKNAME]: a fresh database trusting TRUST's certificates (a CA
 * for TLS, or a pinned leaf as a peer, as certutil's "P" flag says) and holding PEM's
 * credential under NICKNAME. */
static MG_RESULT write_prelude(FILE *f, const mg_tool_case *k)
{
    fprintf(f,
            "NSS_VERSIONS=%s  # NSS tools: this TLS version only\n"
            "nss_db() {  # DIR TRUST [PEM KEY NICKNAME]: an NSS database from the bundle's files\n"
            "  rm -rf \"$1\" && mkdir -p \"$1\" && certutil -N -d \"sql:$1\" --empty-password "
            "|| return 1\n"
            "  awk -v d=\"$1\" '/-BEGIN CERTIFICATE-/{n++} n{print > (d \"/anchor-\" n \".pem\")}' "
            "\"$2\"\n"
            "  local f t\n"
            "  for f in \"$1\"/anchor-*.pem; do\n"
            /* stack-literal: the openssl tool reads basicConstraints for the trust flags */
            "    if openssl x509 -in \"$f\" -noout -ext basicConstraints 2>/dev/null | grep -q "
            "CA:TRUE\n"
            "    then t=CT,C,C; else t=P,P,P; fi\n"
            "    certutil -A -d \"sql:$1\" -n \"${f##*/}\" -t \"$t\" -a -i \"$f\" || return 1\n"
            "  done\n"
            "  [ -n \"${3:-}\" ] || return 0\n"
            /* stack-literal: the openssl tool makes the PKCS#12 that pk12util imports */
            "  openssl pkcs12 -export -in \"$3\" -inkey \"$4\" -name \"$5\" -passout pass: "
            "-out \"$1/credential.p12\" &&\n"
            "    pk12util -i \"$1/credential.p12\" -d \"sql:$1\" -W '' >/dev/null\n"
            "}\n"
            "nss_crls() {  # DIR FILE: every CRL of FILE into the database\n"
            "  awk -v d=\"$1\" '/-BEGIN X509 CRL-/{n++} n{print > (d \"/crl-\" n \".pem\")}' "
            "\"$2\"\n"
            "  local f\n"
            "  for f in \"$1\"/crl-*.pem; do crlutil -I -d \"sql:$1\" -a -i \"$f\" -B >/dev/null "
            "|| return 1; done\n"
            "}\n",
            k->tls13 ? "tls1.3:tls1.3" : "tls1.2:tls1.2");
    return MG_OK;
}

static MG_RESULT write_server(FILE *f, const mg_tool_case *k)
{
    fprintf(f, "  local db=\"$PWD/nss-server.db\"\n");
    fprintf(f, "  nss_db \"$db\" server-trust.pem%s || return 1\n",
            k->server_cert ? " server.pem server.key server" : "");
    if (k->strict && k->server->crl_file) fprintf(f, "  nss_crls \"$db\" crl.pem || return 1\n");
    /* -r asks for a client certificate, -r -r also requires one; selfserv listens on the
     * preferred loopback address of "localhost". */
    const char *ask = k->server->peer_check == MG_PEER_NONE       ? ""
                      : k->server->peer_check == MG_PEER_REQUIRED ? " -r -r"
                                                                  : " -r";
    fprintf(f,
            "  exec timeout \"$LIMIT\" selfserv -d \"sql:$db\" -p \"$1\" -V \"$NSS_VERSIONS\"%s%s "
            "</dev/null\n",
            k->server_cert ? " -n server" : "", ask);
    return MG_OK;
}

/* tstclnt verifies the name it sends as SNI (-a), or the host it connects to without one. */
static MG_RESULT write_client(FILE *f, const mg_tool_case *k)
{
    fprintf(f, "  local db=\"$PWD/nss-client.db\"\n");
    fprintf(f, "  nss_db \"$db\" client-trust.pem%s || return 1\n",
            k->client_cert ? " client.pem client.key client" : "");
    if (k->strict && k->client->crl_file) fprintf(f, "  nss_crls \"$db\" crl.pem || return 1\n");
    fprintf(f, "  printf '%%s' \"$REQUEST\" | timeout \"$LIMIT\" tstclnt -h %s -p \"$1\" "
               "-d \"sql:$db\" -V \"$NSS_VERSIONS\" -a \"$NAME\"%s -O\n",
            k->addr, k->client_cert ? " -n client" : "");
    return MG_OK;
}

const mg_stack_tools mg_nss_tools = {
    .server_tool = "selfserv",
    .client_tool = "tstclnt",
    .write_server = write_server,
    .write_client = write_client,
    .write_prelude = write_prelude,
    .server_refusal = "`selfserv` `HDX PR_Read returned error -8181:` and the error's text on "
                      "the next line",
    .client_refusal = "`tstclnt` `tstclnt: read from socket failed: SSL_ERROR_..._ALERT: ...` "
                      "(refused by the server) or `SEC_ERROR_...` (its own refusal)",
    .readme_notes =
        "- `selfserv` and `tstclnt` verify as NSS's default `SSL_AuthCertificate` does (the "
        "minimal policy): the current time, no chain depth limit, no stapled OCSP response "
        "required; under strict, only the CRLs (imported with `crlutil`) are the case's.\n"
        "- They read an NSS database, which `commands.sh` makes from the bundle's files in "
        "`nss-server.db/` and `nss-client.db/` (removed and made again each run).\n"
        "- `selfserv` listens on the preferred loopback address of `localhost`; a case on "
        "`::1` reaches it only where that is IPv6.\n",
    .bench = NULL,
};
