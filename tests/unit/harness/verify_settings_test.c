/* Chain depth and the verification instant are settings in their own right, not sentinels:
 * a server limited to depth 0 refuses the baseline client (whose chain has an intermediate)
 * and one limited to depth 1 accepts it; a side pinned at the epoch itself finds the
 * certificates not yet valid. Every pairing of the registered stacks that declare the
 * settings (max-depth, pinned-time), TLS 1.2 and 1.3. */
#include "pair_fixture.h"


typedef struct {
    const mg_artifact *client, *server, *client_root, *server_root;
    int64_t when;
} sides;

static void check(const sides *m, const mg_stack *cs, const mg_stack *ss, mg_tls_version tls,
                  const mg_side_config *server_changes, const char *expected)
{
    mg_side_config c = {
        .role = MG_ROLE_CLIENT, .tls = tls, .policy = MG_POLICY_STRICT,
        .credential = {m->client->chain_pem, m->client->key_pem, NULL, NULL},
        .trust_file = m->server_root->cert_pem, .server_name = m->server->host,
        .pin_time = true, .verify_time = m->when,
    };
    mg_side_config s = *server_changes;
    s.role = MG_ROLE_SERVER, s.tls = tls, s.policy = MG_POLICY_STRICT;
    s.credential = (mg_credential){m->server->chain_pem, m->server->key_pem, NULL, NULL};
    s.trust_file = m->client_root->cert_pem;
    s.peer_check = MG_PEER_REQUIRED;
    mg_pair_result r;
    mg_pair_result_init(&r);
    mg_run_pair(cs, &c, ss, &s, &r);
    char verdict[64];
    mg_verdict_format(r.verdict, verdict, sizeof verdict);
    printf("%s-%s/tls1.%d depth %s%d, time %s%lld: %s (%s)\n", cs->name, ss->name, tls - 10,
           s.limit_depth ? "" : "default/", s.max_depth, s.pin_time ? "" : "wall/",
           (long long)s.verify_time, verdict, r.reason_text);
    CHECK_STR(verdict, expected);
}

int main(void)
{
    pair_fixture f;
    pair_fixture_open(&f, "settings");
    const mg_manifest *mf = &f.manifest;
    sides m = {mg_manifest_find(mf, "client"), mg_manifest_find(mf, "server"),
               mg_manifest_find(mf, "client-root"), mg_manifest_find(mf, "server-root"),
               mf->reference_time};
    CHECK(f.ready && m.client && m.server && m.client_root && m.server_root);
    const mg_side_config depth0 = {.limit_depth = true, .max_depth = 0,
                                   .pin_time = true, .verify_time = m.when};
    const mg_side_config depth1 = {.limit_depth = true, .max_depth = 1,
                                   .pin_time = true, .verify_time = m.when};
    const mg_side_config epoch = {.pin_time = true, .verify_time = 0};
    const unsigned both = MG_CAP_MAX_DEPTH | MG_CAP_PINNED_TIME;
    for (int t = 0; f.ready && t < 2; t++)
        for (const mg_stack *const *c = mg_stacks; *c; c++)
            for (const mg_stack *const *s = mg_stacks; *s; s++) {
                mg_tls_version tls = t ? MG_TLS13 : MG_TLS12;
                unsigned version = t ? MG_CAP_TLS13 : MG_CAP_TLS12;
                if (((*c)->caps & (*s)->caps & version) == 0) continue;
                if (((*s)->caps & both) == both) {
                    check(&m, *c, *s, tls, &depth0, "server-rejects:path-length");
                    check(&m, *c, *s, tls, &depth1, "ok");
                }
                if ((*s)->caps & MG_CAP_PINNED_TIME)
                    check(&m, *c, *s, tls, &epoch, "server-rejects:not-yet-valid");
            }
    pair_fixture_close(&f);
    TEST_END();
}
