/* mtlsgrid handshake: the user's own certificates and keys on every client x server stack
 * pairing and both TLS versions. Files are checked first: a missing or corrupt file, a key
 * that does not belong to its certificate or a wrong PKCS#12 password is bad input (exit 2,
 * naming the file and the problem); what the stacks then make of valid files is the grid's
 * verdict (exit 1 when any pairing is not ok). */
#include "command.h"
#include "handshake_grid.h"
#include "secret.h"

#include <stddef.h>
#include <stdio.h>

typedef struct {
    mg_handshake_files files;
    const char *p12_password_file;
    const char *key_password_file;
    const char *policy;
    int allow_weak_own;
    int json;
    int verbose;
} handshake_args;

#define FILE_ROW(flag, field, help, need)                                                          \
    {flag, OPT_STRING | need, offsetof(handshake_args, files.field), "FILE", help}

/* The client's credential is a certificate and key, or a PKCS#12 file: one of the two. */
static const cli_option handshake_options[] = {
    FILE_ROW("server-cert", server_cert, "server certificate, optionally followed by its chain",
             OPT_REQUIRED),
    FILE_ROW("server-key", server_key,
             "the server certificate's private key (default: the key in --server-cert's file)",
             0),
    FILE_ROW("client-cert", client_cert,
             "client certificate, optionally followed by its chain (with --client-key)",
             OPT_ONE_OF),
    FILE_ROW("client-p12", client_p12,
             "client credential as PKCS#12, instead of cert and key (with --p12-password)",
             OPT_ONE_OF),
    FILE_ROW("server-trust", server_trust, "CAs the server trusts for client certificates",
             OPT_REQUIRED),
    FILE_ROW("client-trust", client_trust, "CAs the client trusts for server certificates",
             OPT_REQUIRED),
    FILE_ROW("server-chain", server_chain, "more certificates the server sends, in this order",
             0),
    FILE_ROW("client-chain", client_chain,
             "more certificates the client sends, in this order (a DER leaf cannot carry them)",
             0),
    FILE_ROW("client-key", client_key,
             "the client certificate's private key (default: the key in --client-cert's file)",
             0),
    {"key-password", OPT_STRING, offsetof(handshake_args, files.key_password), "P",
     "password of an encrypted --server-key / --client-key (others see it in ps: prefer the "
     "file or " MG_KEY_PASSWORD_ENV ")"},
    {"key-password-file", OPT_STRING, offsetof(handshake_args, key_password_file), "FILE",
     "read the password of the encrypted keys from the first line of FILE"},
    {"p12-password", OPT_STRING, offsetof(handshake_args, files.p12_password), "P",
     "password of --client-p12 (others see it in ps: prefer the file or " MG_P12_PASSWORD_ENV
     ")"},
    {"p12-password-file", OPT_STRING, offsetof(handshake_args, p12_password_file), "FILE",
     "read the password of --client-p12 from the first line of FILE"},
    FILE_ROW("crl", crl,
             "CRLs (PEM, several, or DER); each side checks those of its peer's CAs, all of them",
             0),
    FILE_ROW("server-crl", server_crl,
             "CRLs the server checks the client's chain with (beside --crl's)", 0),
    FILE_ROW("client-crl", client_crl,
             "CRLs the client checks the server's chain with (beside --crl's)", 0),
    {"host", OPT_STRING, offsetof(handshake_args, files.host), "NAME",
     "name the client verifies (default: the server certificate's first name)"},
    {"at", OPT_STRING, offsetof(handshake_args, files.at), "TIME",
     "verify at this time: ISO 8601 or seconds since the epoch (default: now)"},
    {"policy", OPT_STRING, offsetof(handshake_args, policy), "strict|minimal|both",
     "the stacks' checks: every one they offer (strict), their own minimal mTLS setup, or both "
     "side by side (default)"},
    {"allow-weak-own-credentials", OPT_FLAG, offsetof(handshake_args, allow_weak_own), NULL,
     "let each side load a credential of its own that the system's crypto policy refuses "
     "(RSA-1024, SHA-1 signed), so the peer judges it; the header says so"},
    {"json", OPT_FLAG, offsetof(handshake_args, json), NULL, "print JSON instead of the grid"},
    {"verbose", OPT_FLAG, offsetof(handshake_args, verbose), NULL,
     "under each failing line, the stacks' own words"},
};

static int run_handshake(void *raw, const cli_rest *rest)
{
    (void)rest;
    handshake_args *a = raw;
    mg_handshake_inputs in = {0};
    static char password[1024], key_password[1024];
    mg_secret_source secret = {"--p12-password", a->files.p12_password, "--p12-password-file",
                               a->p12_password_file, MG_P12_PASSWORD_ENV};
    mg_secret_source key_secret = {"--key-password", a->files.key_password, "--key-password-file",
                                   a->key_password_file, MG_KEY_PASSWORD_ENV};
    static mg_handshake_grid grid; /* large: results carry the stacks' texts */
    mg_result r = mg_secret_resolve(&secret, password, sizeof password, &a->files.p12_password);
    if (mg_ok(r))
        r = mg_secret_resolve(&key_secret, key_password, sizeof key_password,
                              &a->files.key_password);
    a->files.allow_weak_own = a->allow_weak_own != 0;
    if (mg_ok(r)) r = mg_handshake_parse_policies(a->policy, &grid);
    if (mg_ok(r)) r = mg_handshake_prepare(&a->files, &in);
    if (mg_ok(r)) r = mg_handshake_run_grid(&in, &grid);
    if (mg_ok(r)) {
        if (a->json) r = mg_handshake_print_json(stdout, &in, &grid);
        else mg_handshake_print_grid(stdout, &in, &grid, a->verbose);
    }
    mg_handshake_inputs_free(&in);
    if (!mg_ok(r)) {
        fprintf(stderr, "mtlsgrid: handshake: %s\n", mg_error_message());
        return mg_exit_code(r);
    }
    return mg_handshake_all_ok(&grid) ? 0 : 1;
}

const cli_command mg_cmd_handshake = {
    "handshake", NULL,
    "Run your own server and client credentials on every client x server stack pairing and "
    "both TLS versions; print one line per pairing: the verdict and why. PEM or DER; exit 0 "
    "when every pairing is ok, 1 otherwise, 2 on bad input.",
    CLI_OPTIONS(handshake_options), sizeof(handshake_args), NULL, 0, 0, run_handshake,
};
