/* From a scenario side to a harness config: composed files under WORK/<scenario>/, one config
 * per (scenario, role, TLS version, policy) shared by every stack pairing. */
#include "compose.h"
#include "path_join.h"
#include "plan.h"
#include "plan_share.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_PARTS 16

/* Defaults: each side trusts only the other side's root (trust separation). */
static const char *const default_trust[2] = {"server-root", "client-root"};
static const char *const default_host = "server.test";

typedef struct {
    mg_plan *plan;
    const char *dir; /* WORK/<scenario> */
    bool resumption; /* the scenario's: both sides' configs say so */
} resolver;

static const mg_artifact *artifact(const mg_plan *plan, const char *name)
{
    return mg_manifest_find(&plan->manifest, name);
}

static MG_RESULT keep_path(mg_plan *plan, const char *path, const char **out)
{
    MG_GUARD(mg_strings_add(&plan->paths, path));
    *out = plan->paths.items[plan->paths.count - 1];
    return MG_OK;
}

/* Writes DIR/<role>-<what>.pem from the named files; NULL when nothing is named. */
static MG_RESULT compose(resolver *rv, const char *role, const char *what,
                         const char *const *parts, size_t count, const char **out)
{
    *out = NULL;
    if (!count) return MG_OK;
    if (count == 1) { /* one file needs no composing: use the artifact's own */
        *out = parts[0];
        return MG_OK;
    }
    char path[4096];
    /* made for the few scenarios that compose a file: making one for every scenario was most
     * of what resolving a plan cost */
    MG_GUARD(mg_make_dirs(rv->dir));
    MG_GUARD(mg_path_format(path, sizeof path, "%s/%s-%s.pem", rv->dir, role, what));
    const char *list[MAX_PARTS + 1] = {0};
    for (size_t i = 0; i < count && i < MAX_PARTS; i++) list[i] = parts[i];
    MG_GUARD(mg_concat_files(path, list));
    return keep_path(rv->plan, path, out);
}

static MG_RESULT artifact_files(resolver *rv, const mg_strings *names, bool crl,
                                const char **files, size_t *count)
{
    *count = 0;
    for (size_t i = 0; i < names->count && *count < MAX_PARTS; i++) {
        const mg_artifact *a = artifact(rv->plan, names->items[i]);
        const char *file = a ? (crl ? a->crl_pem : a->cert_pem) : NULL;
        MG_ENSURE(file, MG_E_INPUT, "artifact \"%s\" has no %s file in the manifest",
                  names->items[i], crl ? "CRL" : "certificate");
        files[(*count)++] = file;
    }
    return MG_OK;
}

/* The credential a side presents: leaf (+ chain) and key, or a PKCS#12 bundle. */
static MG_RESULT resolve_credential(resolver *rv, const char *role, const mg_scenario_side *side,
                                    mg_credential *cred)
{
    if (side->p12) {
        const mg_artifact *a = artifact(rv->plan, side->p12);
        MG_ENSURE(a && a->p12, MG_E_INPUT, "artifact \"%s\" has no PKCS#12 file", side->p12);
        cred->p12_file = a->p12;
        cred->p12_password = side->p12_password ? side->p12_password : a->p12_password;
        return MG_OK;
    }
    if (!side->cert) return MG_OK;
    const mg_artifact *leaf = artifact(rv->plan, side->cert);
    const mg_artifact *keyed = artifact(rv->plan, side->key ? side->key : side->cert);
    MG_ENSURE(leaf && leaf->cert_pem && keyed && keyed->key_pem, MG_E_INPUT,
              "artifact \"%s\" lacks a certificate or key file", side->cert);
    cred->key_file = keyed->key_pem;
    if (!side->chain_set) {
        cred->cert_file = leaf->chain_pem ? leaf->chain_pem : leaf->cert_pem;
        return MG_OK;
    }
    const char *parts[MAX_PARTS];
    size_t n = 0;
    MG_GUARD(artifact_files(rv, &side->chain, false, parts + 1, &n));
    parts[0] = leaf->cert_pem;
    return compose(rv, role, "credential", parts, n + 1, &cred->cert_file);
}

/* server.client-cert: whether the server asks, when (in the handshake or after it), and
 * whether a client without a certificate is refused. */
static void resolve_client_cert(const char *choice, mg_side_config *c)
{
    static const struct {
        const char *name;
        mg_peer_check check;
        bool after_handshake;
    } choices[] = {
        {"required", MG_PEER_REQUIRED, false},
        {"optional", MG_PEER_OPTIONAL, false},
        {"none", MG_PEER_NONE, false},
        {"post-handshake", MG_PEER_REQUIRED, true},
        {"post-handshake-optional", MG_PEER_OPTIONAL, true},
    };
    c->peer_check = MG_PEER_REQUIRED; /* the default, and the loader admits only the above */
    for (size_t i = 0; choice && i < sizeof choices / sizeof choices[0]; i++)
        if (!strcmp(choice, choices[i].name)) {
            c->peer_check = choices[i].check;
            c->ask_after_handshake = choices[i].after_handshake;
        }
}

/* A second credential the client holds: the leaf with the chain the generator gave it, and
 * its own key (the choice between the two is the stack's, by the server's CA names). */
static MG_RESULT resolve_alt_credential(resolver *rv, const mg_scenario_side *side,
                                        mg_credential *cred)
{
    if (!side->alt_cert) return MG_OK;
    const mg_artifact *a = artifact(rv->plan, side->alt_cert);
    MG_ENSURE(a && a->cert_pem && a->key_pem, MG_E_INPUT,
              "artifact \"%s\" lacks a certificate or key file", side->alt_cert);
    cred->cert_file = a->chain_pem ? a->chain_pem : a->cert_pem;
    cred->key_file = a->key_pem;
    return MG_OK;
}

/* Under strict a server names the CAs it trusts, as nginx's ssl_client_certificate makes it
 * (a stack that cannot sends its default); under minimal, the stack's default. A scenario's
 * `ca-names` holds under both. */
static mg_ca_names ca_names_for(const mg_scenario_side *side, mg_policy policy)
{
    if (side->ca_names) return strcmp(side->ca_names, "none") == 0 ? MG_CA_NAMES_NONE
                                                                   : MG_CA_NAMES_TRUSTED;
    return policy == MG_POLICY_STRICT ? MG_CA_NAMES_TRUSTED : MG_CA_NAMES_DEFAULT;
}

static MG_RESULT resolve_side(resolver *rv, int role_index, const mg_scenario_side *side,
                              mg_side_config *base)
{
    const char *role = role_index == 0 ? "client" : "server";
    memset(base, 0, sizeof *base);
    base->role = role_index == 0 ? MG_ROLE_CLIENT : MG_ROLE_SERVER;
    MG_GUARD(resolve_credential(rv, role, side, &base->credential));
    MG_GUARD(resolve_alt_credential(rv, side, &base->alt_credential));
    const char *files[MAX_PARTS];
    size_t n = 0;
    mg_strings defaults = {0};
    const mg_strings *trust = &side->trust;
    if (!trust->count) {
        MG_GUARD(mg_strings_add(&defaults, default_trust[role_index]));
        trust = &defaults;
    }
    mg_result r = artifact_files(rv, trust, false, files, &n);
    if (mg_ok(r)) r = compose(rv, role, "trust", files, n, &base->trust_file);
    mg_strings_free(&defaults);
    MG_GUARD(r);
    MG_GUARD(artifact_files(rv, &side->crls, true, files, &n));
    MG_GUARD(compose(rv, role, "crl", files, n, &base->crl_file));
    if (side->ocsp) {
        const mg_artifact *a = artifact(rv->plan, side->ocsp);
        MG_ENSURE(a && a->ocsp_der, MG_E_INPUT, "artifact \"%s\" has no OCSP response", side->ocsp);
        base->ocsp_file = a->ocsp_der;
    }
    base->require_ocsp = side->require_ocsp;
    base->server_name = side->host ? side->host : default_host;
    resolve_client_cert(side->client_cert, base);
    base->offer_post_handshake_auth = side->post_handshake_auth;
    base->resumption = rv->resumption;
    base->skip_key_check = side->skip_key_check;
    if (strcmp(rv->plan->manifest.time_mode, "pinned") == 0) {
        base->pin_time = true;
        base->verify_time = rv->plan->manifest.reference_time;
    }
    return MG_OK;
}

/* The server a resumed connection goes to: the scenario's server, trusting resume-trust. */
static MG_RESULT resolve_resume_server(resolver *rv, const mg_scenario_side *side,
                                       const mg_side_config *server, mg_side_config *out)
{
    *out = *server;
    if (!side->resume_trust.count) return MG_OK;
    const char *files[MAX_PARTS];
    size_t n = 0;
    MG_GUARD(artifact_files(rv, &side->resume_trust, false, files, &n));
    return compose(rv, "server", "resume-trust", files, n, &out->trust_file);
}

static bool known_artifact(void *ctx, const char *name)
{
    return mg_manifest_find(ctx, name) != NULL;
}

static size_t config_index(size_t scenario, int role, mg_tls_version tls, mg_policy policy)
{
    return ((scenario * 3 + (size_t)role) * 2 + (tls == MG_TLS13)) * 2 + (size_t)policy;
}

mg_result mg_plan_resolve(mg_plan *plan, const char *matrix_dir, const char *work_dir)
{
    MG_GUARD(mg_manifest_load(matrix_dir, &plan->manifest));
    plan->resolved = true;
    MG_GUARD(mg_scenarios_check_artifacts(&plan->scenarios, known_artifact, &plan->manifest));
    size_t n = plan->scenarios.count;
    plan->configs = calloc(n * 12, sizeof *plan->configs); /* role 2: the resumed server */
    plan->cases = calloc(plan->count ? plan->count : 1, sizeof *plan->cases);
    plan->skip_texts = calloc(plan->count ? plan->count : 1, sizeof *plan->skip_texts);
    MG_ENSURE(plan->configs && plan->cases && plan->skip_texts, MG_E_INTERNAL, "out of memory");
    for (size_t s = 0; s < n; s++) {
        const mg_scenario *sc = &plan->scenarios.scenarios[s];
        char dir[4096];
        MG_GUARD(mg_path_join(dir, sizeof dir, work_dir, sc->id));
        resolver rv = {plan, dir, sc->resumption};
        mg_side_config sides[3];
        MG_GUARD(resolve_side(&rv, 0, &sc->client, &sides[0]));
        MG_GUARD(resolve_side(&rv, 1, &sc->server, &sides[1]));
        MG_GUARD(resolve_resume_server(&rv, &sc->server, &sides[1], &sides[2]));
        for (int role = 0; role < 3; role++)
            for (int t = 0; t < 2; t++)
                for (int p = 0; p < 2; p++) {
                    mg_tls_version tls = t ? MG_TLS13 : MG_TLS12;
                    mg_side_config *c = &plan->configs[config_index(s, role, tls, (mg_policy)p)];
                    *c = sides[role];
                    c->tls = tls;
                    c->policy = (mg_policy)p;
                    if (role == 1)
                        c->ca_names = ca_names_for(&sc->server, (mg_policy)p);
                }
    }
    for (size_t i = 0; i < plan->count; i++) {
        const mg_case_key *k = &plan->keys[i];
        size_t s = (size_t)(k->scenario - plan->scenarios.scenarios);
        mg_case *c = &plan->cases[i];
        c->id = plan->ids[i];
        c->client_stack = k->client_stack;
        c->server_stack = k->server_stack;
        c->client = &plan->configs[config_index(s, 0, k->tls, k->policy)];
        c->server = &plan->configs[config_index(s, 1, k->tls, k->policy)];
        c->group = k->scenario;
        if (k->scenario->resumption)
            c->resume_server = k->scenario->server.resume_trust.count
                                   ? &plan->configs[config_index(s, 2, k->tls, k->policy)]
                                   : c->server;
        MG_GUARD(mg_plan_skip_reason(k, c, &plan->skip_texts[i]));
        c->skip_reason = plan->skip_texts[i];
    }
    return mg_plan_share_configs(plan);
}

void mg_plan_free(mg_plan *plan)
{
    for (size_t i = 0; i < plan->count; i++) {
        free(plan->ids[i]);
        if (plan->skip_texts) free(plan->skip_texts[i]);
    }
    free(plan->skip_texts);
    free(plan->ids);
    free(plan->keys);
    free(plan->cases);
    free(plan->configs);
    mg_strings_free(&plan->paths);
    if (plan->resolved) mg_manifest_free(&plan->manifest);
    mg_scenario_set_free(&plan->scenarios);
}
