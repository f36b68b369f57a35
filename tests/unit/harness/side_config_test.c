/* Side configs that read alike are the same, whatever the string storage, and hash alike;
 * a change to any one field makes them differ (a planner that merged those would hand a
 * case a context made for another). */
#include "mg_test.h"

#include "side_config.h"

#include <stdio.h>

static mg_side_config example(char *cert, char *trust)
{
    return (mg_side_config){
        .role = MG_ROLE_CLIENT, .tls = MG_TLS13, .policy = MG_POLICY_STRICT,
        .credential = {cert, "key.pem", NULL, NULL}, .trust_file = trust,
        .server_name = "server.test", .pin_time = true, .verify_time = 1767225600,
    };
}

int main(void)
{
    char cert_a[] = "client/chain.pem", cert_b[] = "client/chain.pem";
    char trust_a[] = "server-root/cert.pem", trust_b[] = "server-root/cert.pem";
    mg_side_config a = example(cert_a, trust_a), b = example(cert_b, trust_b);
    CHECK(mg_side_config_same(&a, &b));
    CHECK(mg_side_config_hash(&a) == mg_side_config_hash(&b));

    mg_side_config changed[] = {b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b, b};
    int n = 0;
    changed[n++].role = MG_ROLE_SERVER;
    changed[n++].tls = MG_TLS12;
    changed[n++].policy = MG_POLICY_MINIMAL;
    changed[n++].credential.cert_file = "client/cert.pem";
    changed[n++].credential.key_file = NULL;
    changed[n++].credential.p12_file = "client-p12/bundle.p12";
    changed[n++].credential.p12_password = "";
    changed[n++].trust_file = NULL;
    changed[n++].crl_file = "client-root/crl.pem";
    changed[n++].ocsp_file = "server/ocsp.der";
    changed[n++].require_ocsp = true;
    changed[n++].server_name = "127.0.0.1";
    changed[n++].peer_check = MG_PEER_OPTIONAL;
    changed[n++].max_depth = 1;
    changed[n++].verify_time = 0;
    changed[n++].pin_time = false;
    changed[n++].limit_depth = true;
    changed[n++].skip_key_check = true;
    changed[n++].screen_own_credential = true;
    changed[n++].keylog_file = "keys.log";
    CHECK(n == (int)(sizeof changed / sizeof changed[0]));
    for (int i = 0; i < n; i++) {
        if (mg_side_config_same(&a, &changed[i])) fprintf(stderr, "field %d ignored\n", i);
        CHECK(!mg_side_config_same(&a, &changed[i]));
        CHECK(!mg_side_config_same(&changed[i], &a));
    }
    TEST_END();
}
