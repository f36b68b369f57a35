#include "side_source.h"

#include "path_join.h"
#include "private_file.h"
#include "read_file.h"
#include "registry.h"
#include "temp_dir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static MG_RESULT keep(mg_side_storage *st, const char *text, const char **out)
{
    MG_GUARD(mg_strings_add(&st->paths, text));
    *out = st->paths.items[st->paths.count - 1];
    return MG_OK;
}

/* A bundle file if it exists, else NULL. */
static MG_RESULT bundle_file(mg_side_storage *st, const char *dir, const char *name,
                             bool required, const char **out)
{
    char path[4096];
    *out = NULL;
    MG_GUARD(mg_path_join(path, sizeof path, dir, name));
    if (access(path, R_OK) != 0) {
        MG_ENSURE(!required, MG_E_INPUT, "--bundle %s: %s is missing", dir, name);
        return MG_OK;
    }
    MG_GUARD(mg_check_regular_file("--bundle", path, MG_READ_CAP_CREDENTIAL));
    return keep(st, path, out);
}

static MG_RESULT from_bundle(const mg_side_source *src, mg_side_config *c, mg_side_storage *st)
{
    bool client = c->role == MG_ROLE_CLIENT;
    /* A client without a certificate is a case too (client-no-cert-*): its files are absent. */
    MG_GUARD(bundle_file(st, src->bundle, client ? "client.pem" : "server.pem", !client,
                         &c->credential.cert_file));
    MG_GUARD(bundle_file(st, src->bundle, client ? "client.key" : "server.key",
                         c->credential.cert_file != NULL, &c->credential.key_file));
    MG_GUARD(bundle_file(st, src->bundle, client ? "client-trust.pem" : "server-trust.pem", true,
                         &c->trust_file));
    MG_GUARD(bundle_file(st, src->bundle, "crl.pem", false, &c->crl_file));
    const char *ocsp;
    MG_GUARD(bundle_file(st, src->bundle, "ocsp.der", false, &ocsp));
    if (client) c->require_ocsp = ocsp != NULL;
    else c->ocsp_file = ocsp;
    if (!client) return MG_OK;
    char path[4096], name[256] = "";
    MG_GUARD(mg_path_join(path, sizeof path, src->bundle, "server-name.txt"));
    if (access(path, F_OK) == 0)
        MG_GUARD(mg_check_regular_file("--bundle", path, MG_READ_CAP_CREDENTIAL));
    FILE *f = fopen(path, "r");
    MG_ENSURE(f, MG_E_INPUT, "--bundle %s: server-name.txt is missing", src->bundle);
    bool got = fgets(name, sizeof name, f) != NULL;
    fclose(f);
    name[strcspn(name, "\r\n")] = '\0';
    MG_ENSURE(got && name[0], MG_E_INPUT, "%s: empty", path);
    return keep(st, name, &c->server_name);
}

static MG_RESULT from_scenario(const mg_side_source *src, mg_side_config *c, mg_side_storage *st)
{
    char filter[512];
    MG_ENSURE(snprintf(filter, sizeof filter, "%s/%s-%s/tls%s/%s", src->scenario, src->stack,
                       src->stack, src->tls ? src->tls : "1.3",
                       src->policy ? src->policy : "strict") < (int)sizeof filter,
              MG_E_USAGE, "--scenario %s: no such scenario (the id is too long)", src->scenario);
    mg_plan_options o = {.filter = filter, .stacks = src->stack, .tls = src->tls,
                         .policies = src->policy};
    mg_plan_options_defaults(&o);
    MG_GUARD(mg_plan_enumerate(&o, &st->plan));
    MG_ENSURE(st->plan.count == 1, MG_E_USAGE, "--scenario %s: no such scenario (mtlsgrid list "
              "shows them)", src->scenario);
    MG_GUARD(mg_temp_dir_make("side", st->temp_matrix, sizeof st->temp_matrix));
    mg_plan_matrix_options mo = {src->matrix, NULL, MG_TIME_NOW};
    mg_plan_matrix m;
    MG_GUARD(mg_plan_prepare(&st->plan, st->temp_matrix, &mo, &m));
    const mg_case *k = &st->plan.cases[0];
    *c = *(c->role == MG_ROLE_CLIENT ? k->client : k->server);
    /* The TCP session drives no post-handshake request: such a server would let every
     * client in unauthenticated, and say ok. */
    MG_ENSURE(!c->ask_after_handshake, MG_E_USAGE,
              "--scenario %s: the server asks for the client certificate after the handshake, "
              "which serve does not drive yet (run it in the matrix: mtlsgrid run --filter)",
              src->scenario);
    /* Nor a second connection resuming the first: one TCP connection is one handshake. */
    MG_ENSURE(!c->resumption, MG_E_USAGE,
              "--scenario %s: the scenario resumes a session on a second connection, which "
              "serve and connect do not drive yet (run it in the matrix: mtlsgrid run --filter)",
              src->scenario);
    return MG_OK;
}

static MG_RESULT from_files(const mg_side_source *src, mg_side_config *c, mg_side_storage *st)
{
    MG_ENSURE(src->trust, MG_E_USAGE, "--trust FILE is required with credential files");
    MG_ENSURE(!src->cert == !src->key, MG_E_USAGE, "--cert and --key go together");
    /* The stacks open these by name themselves: a FIFO would block them, a huge file cost
     * gigabytes (one GnuTLS loader reads a whole file whatever it holds). */
    const char *flags[] = {"--cert", "--key", "--p12", "--trust", "--crl", "--ocsp"};
    const char *paths[] = {src->cert, src->key, src->p12, src->trust, src->crl, src->ocsp};
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++)
        if (paths[i]) MG_GUARD(mg_check_regular_file(flags[i], paths[i], MG_READ_CAP_CREDENTIAL));
    mg_secret_source secret = {"--p12-password", src->p12_password, "--p12-password-file",
                               src->p12_password_file, MG_P12_PASSWORD_ENV};
    const char *password;
    MG_GUARD(mg_secret_resolve(&secret, st->p12_password, sizeof st->p12_password, &password));
    c->credential = (mg_credential){src->cert, src->key, src->p12, password};
    c->trust_file = src->trust;
    c->crl_file = src->crl;
    if (c->role == MG_ROLE_SERVER) c->ocsp_file = src->ocsp;
    return MG_OK;
}

static MG_RESULT parse_choices(const mg_side_source *src, mg_side_config *c)
{
    c->tls = MG_TLS13;
    if (src->tls) MG_GUARD(mg_tls_parse("--tls", src->tls, &c->tls));
    c->policy = MG_POLICY_STRICT;
    if (src->policy) MG_GUARD(mg_policy_parse("--policy", src->policy, &c->policy));
    return MG_OK;
}

mg_result mg_side_source_resolve(const mg_side_source *src, mg_role role, mg_side_config *c,
                                 const mg_stack **stack, mg_side_storage *st)
{
    memset(c, 0, sizeof *c);
    c->role = role;
    MG_ENSURE(src->stack, MG_E_USAGE, "--stack S is required (one of: %s)",
              mg_stack_names_text());
    *stack = mg_stack_find(src->stack);
    MG_ENSURE(*stack, MG_E_USAGE, "--stack: unknown stack \"%s\" (this build has: %s)",
              src->stack, mg_stack_names_text());
    int sources = !!src->scenario + !!src->bundle + !!(src->cert || src->p12 || src->trust);
    MG_ENSURE(sources == 1, MG_E_USAGE,
              "give exactly one of --scenario ID, --bundle DIR or credential files (--cert/--key "
              "or --p12, and --trust)");
    MG_GUARD(parse_choices(src, c));
    mg_tls_version tls = c->tls;
    mg_policy policy = c->policy;
    c->peer_check = MG_PEER_REQUIRED; /* a scenario may say otherwise */
    if (src->scenario) MG_GUARD(from_scenario(src, c, st));
    else if (src->bundle) MG_GUARD(from_bundle(src, c, st));
    else MG_GUARD(from_files(src, c, st));
    c->tls = tls, c->policy = policy, c->role = role;
    c->pin_time = false; /* over TCP, real peers verify at the wall clock: so do we */
    c->verify_time = 0;
    if (src->name) c->server_name = src->name;
    if (src->keylog) {
        /* traffic secrets: 0600 before the stacks open it for append */
        MG_GUARD(mg_private_file_prepare("--keylog", src->keylog));
        c->keylog_file = src->keylog;
    }
    if (src->client_cert) {
        if (!strcmp(src->client_cert, "optional")) c->peer_check = MG_PEER_OPTIONAL;
        else if (!strcmp(src->client_cert, "none")) c->peer_check = MG_PEER_NONE;
        else MG_ENSURE(!strcmp(src->client_cert, "required"), MG_E_USAGE,
                       "--client-cert: expected required, optional or none");
    }
    return MG_OK;
}

void mg_side_source_free(mg_side_storage *st)
{
    mg_plan_free(&st->plan);
    mg_strings_free(&st->paths);
    memset(st->p12_password, 0, sizeof st->p12_password);
    mg_temp_dir_remove(st->temp_matrix);
}
