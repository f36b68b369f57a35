/* The bundle's credential, trust, revocation and name files, copied or composed from the
 * case's side configs (which the planner made from the scenario and the manifest). */
#include "compose.h"
#include "path_join.h"
#include "repro_bundle.h"

#include <stdio.h>
#include <string.h>

#define REPRO_P12_PASSWORD "mtlsgrid-p12" /* the generator's own PKCS#12 password */

static MG_RESULT bundle_path(const mg_repro_bundle *b, const char *name, char *out, size_t len)
{
    return mg_path_join(out, len, b->dir, name);
}

/* NAME.pem (leaf then chain) and NAME.key for one side; nothing when it presents none. */
static MG_RESULT write_side(mg_repro_bundle *b, mg_role role)
{
    bool client = role == MG_ROLE_CLIENT;
    const mg_side_config *cfg = client ? b->rc->c->client : b->rc->c->server;
    const char *cert = cfg->credential.cert_file, *key = cfg->credential.key_file;
    if (cfg->credential.p12_file) { /* the PKCS#12's own certificate files, from the manifest */
        const mg_artifact *a = mg_repro_side_artifact(b->rc, role);
        cert = a ? a->chain_pem : NULL;
        key = a ? a->key_pem : NULL;
    }
    if (!cert || !key) return MG_OK;
    char pem[4096], key_out[4096];
    MG_GUARD(bundle_path(b, client ? "client.pem" : "server.pem", pem, sizeof pem));
    MG_GUARD(bundle_path(b, client ? "client.key" : "server.key", key_out, sizeof key_out));
    MG_GUARD(mg_repro_copy(cert, pem, 0644));
    MG_GUARD(mg_repro_copy(key, key_out, 0600));
    int extra = mg_repro_count_certs(pem) - 1;
    *(client ? &b->client_cert : &b->server_cert) = true;
    *(client ? &b->client_extra : &b->server_extra) = extra > 0 ? extra : 0;
    return MG_OK;
}

/* client.p12: the case's own PKCS#12 when it loads one (with the case's password, right or
 * wrong), else one made from client.pem and client.key. */
static MG_RESULT write_client_p12(mg_repro_bundle *b)
{
    const mg_credential *cred = &b->rc->c->client->credential;
    char p12[4096], password_file[4096], pem[4096], key[4096];
    MG_GUARD(bundle_path(b, "client.p12", p12, sizeof p12));
    MG_GUARD(bundle_path(b, "p12-password.txt", password_file, sizeof password_file));
    const char *password = REPRO_P12_PASSWORD;
    if (cred->p12_file) {
        MG_GUARD(mg_repro_copy(cred->p12_file, p12, 0600));
        password = cred->p12_password ? cred->p12_password : "";
        b->client_p12 = b->client_via_p12 = true;
    } else if (b->client_cert) {
        MG_GUARD(bundle_path(b, "client.pem", pem, sizeof pem));
        MG_GUARD(bundle_path(b, "client.key", key, sizeof key));
        MG_GUARD(mg_repro_make_p12(pem, key, password, p12, &b->client_p12, b->p12_note,
                                   sizeof b->p12_note));
    } else {
        snprintf(b->p12_note, sizeof b->p12_note, "the client presents no certificate");
    }
    if (!b->client_p12) return MG_OK;
    char line[512];
    snprintf(line, sizeof line, "%s\n", password);
    return mg_repro_write_text(password_file, line, 0600);
}

static MG_RESULT write_revocation(mg_repro_bundle *b)
{
    const char *crls[3] = {0};
    size_t n = 0;
    if (b->rc->c->server->crl_file) crls[n++] = b->rc->c->server->crl_file;
    if (b->rc->c->client->crl_file) crls[n++] = b->rc->c->client->crl_file;
    char path[4096];
    if (n) {
        MG_GUARD(bundle_path(b, "crl.pem", path, sizeof path));
        MG_GUARD(mg_concat_files(path, crls));
        b->crl = true;
    }
    if (b->rc->c->server->ocsp_file) {
        MG_GUARD(bundle_path(b, "ocsp.der", path, sizeof path));
        MG_GUARD(mg_repro_copy(b->rc->c->server->ocsp_file, path, 0644));
        b->ocsp = true;
    }
    return MG_OK;
}

static MG_RESULT write_line(const mg_repro_bundle *b, const char *name, const char *text)
{
    char path[4096], line[512];
    MG_GUARD(bundle_path(b, name, path, sizeof path));
    snprintf(line, sizeof line, "%s\n", text);
    return mg_repro_write_text(path, line, 0644);
}

mg_result mg_repro_write_files(mg_repro_bundle *b)
{
    MG_GUARD(write_side(b, MG_ROLE_SERVER));
    MG_GUARD(write_side(b, MG_ROLE_CLIENT));
    MG_GUARD(write_client_p12(b));
    char path[4096];
    if (b->rc->c->server->trust_file) {
        MG_GUARD(bundle_path(b, "server-trust.pem", path, sizeof path));
        MG_GUARD(mg_repro_copy(b->rc->c->server->trust_file, path, 0644));
    }
    if (b->rc->c->client->trust_file) {
        MG_GUARD(bundle_path(b, "client-trust.pem", path, sizeof path));
        MG_GUARD(mg_repro_copy(b->rc->c->client->trust_file, path, 0644));
    }
    MG_GUARD(write_revocation(b));
    const mg_scenario *sc = b->rc->key->scenario;
    MG_ENSURE(sc->expected_count > 0, MG_E_INPUT, "%s: scenario %s expects nothing", sc->file,
              sc->id);
    snprintf(b->host, sizeof b->host, "%s",
             b->rc->c->client->server_name ? b->rc->c->client->server_name : "server.test");
    MG_GUARD(write_line(b, "server-name.txt", b->host));
    mg_verdict_format(sc->expected[0], b->expected, sizeof b->expected);
    return write_line(b, "expected.txt", b->expected);
}
