/* mtlsgrid probe: the client-certificate defect set thrown at a running gateway (probe/). */
#include "command.h"
#include "out_folder.h"
#include "probe.h"

#include <stdio.h>

typedef struct {
    mg_probe_options probe;
    const char *make_ca;
    const char *server_names;
    int force;
} probe_args;

static const cli_option probe_options[] = {
    {"ca-cert", OPT_STRING | OPT_ONE_OF, offsetof(probe_args, probe.ca_cert), "FILE",
     "the CA the gateway trusts for clients (PEM)"},
    {"make-ca", OPT_STRING | OPT_ONE_OF, offsetof(probe_args, make_ca), "DIR",
     "write a fresh test CA (root, intermediate, CRL, a server certificate) into DIR and print "
     "the gateway configuration lines that trust it; no URL then"},
    {"ca-key", OPT_STRING, offsetof(probe_args, probe.ca_key), "FILE", "the key of --ca-cert"},
    {"ca-chain", OPT_STRING, offsetof(probe_args, probe.ca_chain), "FILE",
     "an intermediate under --ca-cert (default: probe makes one; give yours when the gateway "
     "checks CRLs for the whole chain)"},
    {"ca-chain-key", OPT_STRING, offsetof(probe_args, probe.ca_chain_key), "FILE",
     "the key of --ca-chain"},
    {"server-trust", OPT_STRING, offsetof(probe_args, probe.server_trust), "FILE",
     "CAs that verify the gateway's own certificate (default: --ca-cert)"},
    {"servername", OPT_STRING, offsetof(probe_args, probe.servername), "NAME",
     "a virtual host without mTLS on the same address: also try the URL's host through this SNI "
     "without a certificate (the mTLS bypass check)"},
    {"tls", OPT_STRING, offsetof(probe_args, probe.tls), "1.2,1.3", "TLS versions (default both)"},
    {"stack", OPT_STRING, offsetof(probe_args, probe.stack), "S",
     "the client's TLS stack (default: the first of mtlsgrid stacks)"},
    {"jobs", OPT_UINT, offsetof(probe_args, probe.jobs), "N",
     "connections at once (default 4, at most 32)"},
    {"timeout", OPT_DOUBLE, offsetof(probe_args, probe.timeout), "SECONDS",
     "each connection's timeout (default 10)"},
    {"out", OPT_STRING, offsetof(probe_args, probe.out), "DIR",
     "report folder (default reports/out/probe)"},
    {"format", OPT_STRING, offsetof(probe_args, probe.formats), "json,junit,md,html",
     "report formats (default those four)"},
    {"crl-out", OPT_STRING, offsetof(probe_args, probe.crl_out), "FILE",
     "write the CRLs the gateway must load for the revoked case (replaces only an earlier CRL)"},
    {"reject-status", OPT_STRING, offsetof(probe_args, probe.reject_status), "LIST",
     "HTTP statuses that mean rejection (default " MG_PROBE_REJECT_STATUS_DEFAULT ")"},
    {"accept-status", OPT_STRING, offsetof(probe_args, probe.accept_status), "LIST",
     "HTTP statuses that mean acceptance; other answers are 'passed to the application'"},
    {"accept-body", OPT_STRING, offsetof(probe_args, probe.accept_body), "TEXT",
     "an answer is accepted only when its body holds TEXT"},
    MG_FORCE_OPTION_ROW(probe_args),
    {"server-names", OPT_STRING, offsetof(probe_args, server_names), "a,b",
     "with --make-ca: more DNS names for the server certificate"},
};

static void probe_defaults(void *raw)
{
    probe_args *a = raw;
    a->probe.out = "reports/out/probe";
    a->probe.tool_version = MG_VERSION;
}

static int run_probe(void *raw, const cli_rest *rest)
{
    probe_args *a = raw;
    int exit_code = 0;
    mg_result r = MG_OK;
    if (a->make_ca) {
        if (rest->positional_count || a->probe.ca_cert)
            r = mg_fail(MG_E_USAGE, "--make-ca takes no URL and no --ca-cert");
        else
            r = mg_probe_make_ca(a->make_ca, a->server_names);
    } else if (rest->positional_count != 1 || !a->probe.ca_key) {
        r = mg_fail(MG_E_USAGE, "probe needs the gateway's URL, --ca-cert and --ca-key");
    } else {
        a->probe.url = rest->positional[0];
        /* The report folder is guarded, locked and marked as run's is (cli/out_folder.h). */
        mg_out_dir out = {.lock_fd = -1};
        r = cli_out_folder_open(&out, a->probe.out, "probe", a->force);
        if (mg_ok(r)) r = cli_out_folder_start_reports(&out, a->probe.formats);
        if (mg_ok(r)) r = mg_probe_run(&a->probe, &exit_code);
        mg_out_dir_close(&out);
    }
    if (!mg_ok(r)) fprintf(stderr, "mtlsgrid: probe: %s\n", mg_error_message());
    return mg_ok(r) ? exit_code : mg_exit_code(r);
}

const cli_command mg_cmd_probe = {
    "probe", "https://HOST:PORT/PATH",
    "Throw the whole client-certificate defect set at a running gateway (nginx, Apache, "
    "HAProxy...): issue each defect under the CA it trusts for clients, connect with each on "
    "each TLS version, grade what it lets in and say which configuration hole each accepted "
    "defect points to. Exit 0 when every defect is refused and the controls pass, 1 when a bad "
    "certificate gets in, 2 for bad input, a control that does not pass or a gateway that does "
    "not answer.",
    CLI_OPTIONS(probe_options), sizeof(probe_args), probe_defaults, 0, 1, run_probe,
};
