/* The library end to end on the generator's matrix at its pinned time: good certificates pass
 * every check, each defect gives its cause, and the JSON object carries the same verdict. */
#include "gen.h"
#include "inspect.h"
#include "inspect_json.h"
#include "manifest.h"
#include "mg_test.h"

#include <stdio.h>
#include <stdlib.h>

static mg_manifest m;
static char at[32];

static int has_cause(const mg_inspect_report *r, const char *cause)
{
    for (size_t i = 0; i < r->problem_count; i++)
        if (strcmp(r->problems[i].cause->id, cause) == 0) return 1;
    return 0;
}

/* Inspects artifact's chain (or cert) in role against root; expected NULL: suitable. */
static void expect(const char *artifact, const char *role, const char *host, const char *root,
                   const char *crl, const char *expected)
{
    const mg_artifact *a = mg_manifest_find(&m, artifact);
    const mg_artifact *anchor = mg_manifest_find(&m, root);
    const mg_artifact *crl_a = crl ? mg_manifest_find(&m, crl) : NULL;
    CHECK(a && anchor && (!crl || crl_a));
    if (!a || !anchor) return;
    mg_inspect_request req = {.role = role, .host = host, .ca_file = anchor->cert_pem,
                              .crl_file = crl_a ? crl_a->crl_pem : NULL, .at = at};
    mg_inspect_session *session = NULL;
    CHECK(mg_ok(mg_inspect_session_open(&req, &session)));
    mg_inspect_report report;
    mg_result r = mg_inspect_file(session, a->chain_pem ? a->chain_pem : a->cert_pem, &report);
    CHECK(mg_ok(r));
    bool ok = expected ? has_cause(&report, expected) : mg_inspect_suitable(&report);
    if (!ok) {
        fprintf(stderr, "%s: expected %s, got:\n", artifact, expected ? expected : "suitable");
        mg_inspect_print_text(stderr, &report);
    }
    CHECK(ok);
    json_t *object = NULL;
    CHECK(mg_ok(mg_inspect_report_json(&report, &object)));
    CHECK(json_is_true(json_object_get(object, "suitable")) == (expected == NULL));
    json_decref(object);
    mg_inspect_report_free(&report);
    mg_inspect_session_free(session);
}

int main(void)
{
    char dir[] = "/tmp/mg-inspect-file-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char out[sizeof dir + 16];
    snprintf(out, sizeof out, "%s/m", dir);
    mg_gen_options options = {.out_dir = out, .time_mode = MG_TIME_PINNED};
    CHECK(mg_ok(mg_gen_matrix(&options, NULL)) && mg_ok(mg_manifest_load(out, &m)));
    snprintf(at, sizeof at, "%lld", (long long)m.reference_time);

    expect("client", "client", NULL, "client-root", "client-ca-crl", NULL);
    expect("server", "server", "server.test", "server-root", "server-ca-crl", NULL);
    expect("server-san-ip", "server", "127.0.0.1", "server-root", NULL, NULL);
    expect("client-eku-serverauth", "client", NULL, "client-root", NULL, "eku-wrong-purpose");
    expect("server-expired", "server", "server.test", "server-root", NULL, "expired");
    expect("server-no-san", "server", "server.test", "server-root", NULL, "name-cn-only");
    expect("server-san-mismatch", "server", "server.test", "server-root", NULL, "name-mismatch");
    expect("client-revoked", "client", NULL, "client-root", "client-ca-crl", "revoked");
    expect("client-via-ca-expired", "client", NULL, "client-root", NULL, "chain-expired");
    expect("client-untrusted-root", "client", NULL, "client-root", NULL, "untrusted-root");
    expect("client-rsa1024", "client", NULL, "client-root", NULL, "weak-key");

    mg_inspect_request bad = {.at = "tomorrow"};
    mg_inspect_session *session = NULL;
    mg_result r = mg_inspect_session_open(&bad, &session);
    CHECK(!mg_ok(r) && r.kind == MG_E_USAGE && session == NULL);
    mg_inspect_request no_ca = {.ca_file = "/nonexistent/ca.pem"};
    r = mg_inspect_session_open(&no_ca, &session);
    CHECK(!mg_ok(r) && r.kind == MG_E_IO && strstr(mg_error_message(), "--ca"));

    mg_manifest_free(&m);
    char cmd[sizeof dir + 16];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    CHECK(system(cmd) == 0);
    TEST_END();
}
