/* The causes table is data that people read at 3 a.m.: every row complete, ids unique, a fix
 * that is one sentence, and every cause the chain check can name present in the table. Each
 * stack's own words are in its folder; inspect_words_test.c holds them to this table. */
#include "chain_internal.h"
#include "inspect_causes.h"
#include "mg_test.h"

#include <openssl/x509_vfy.h>

static int filled(const char *s) { return s && *s; }

int main(void)
{
    CHECK(mg_inspect_cause_count >= 25);
    for (size_t i = 0; i < mg_inspect_cause_count; i++) {
        const mg_inspect_cause *c = &mg_inspect_causes[i];
        CHECK(filled(c->id) && filled(c->title));
        CHECK(filled(c->browser_server) && filled(c->browser_client));
        CHECK(filled(c->curl_server) && filled(c->curl_client) && c->other != NULL);
        CHECK(filled(c->fix) && c->fix[strlen(c->fix) - 1] == '.');
        CHECK(c->reason != MG_REASON_NONE);
        CHECK(mg_inspect_cause_find(c->id) == c);
        for (size_t j = i + 1; j < mg_inspect_cause_count; j++)
            CHECK(strcmp(c->id, mg_inspect_causes[j].id) != 0);
    }
    CHECK(mg_inspect_cause_find("no-such-cause") == NULL);

    /* The strings the issue asks for, where users meet them. */
    const mg_inspect_cause *expired = mg_inspect_cause_find("expired");
    CHECK(expired != NULL);
    const mg_inspect_cause *missing = mg_inspect_cause_find("missing-intermediate");
    CHECK(missing && strstr(missing->curl_server, "unable to get local issuer certificate"));
    const mg_inspect_cause *name = mg_inspect_cause_find("name-mismatch");
    CHECK(name && strstr(name->browser_server, "ERR_CERT_COMMON_NAME_INVALID"));

    /* Messages follow the role: a client certificate's browser sees the server's alert. */
    mg_inspect_messages as_server = mg_inspect_cause_messages(expired, MG_INSPECT_SERVER);
    mg_inspect_messages as_client = mg_inspect_cause_messages(expired, MG_INSPECT_CLIENT);
    CHECK(strstr(as_server.curl, "SSL certificate problem: certificate has expired"));
    CHECK(strstr(as_client.curl, "sslv3 alert certificate expired"));
    CHECK(strstr(as_client.browser, "ERR_BAD_SSL_CLIENT_AUTH_CERT"));
    CHECK_STR(mg_inspect_role_name(MG_INSPECT_CLIENT), "client");

    /* Every verify error maps to a cause in the table (or to "not a problem" for CA CRLs). */
    for (int error = 1; error < 100; error++)
        for (int depth = 0; depth < 2; depth++) {
            mg_chain_cause c = mg_chain_cause_of(error, depth);
            if (!c.cause) {
                CHECK(error == X509_V_ERR_UNABLE_TO_GET_CRL && depth == 1);
                continue;
            }
            if (!mg_inspect_cause_find(c.cause)) fprintf(stderr, "error %d: %s\n", error, c.cause);
            CHECK(mg_inspect_cause_find(c.cause) != NULL);
        }
    CHECK_STR(mg_chain_cause_of(X509_V_ERR_CERT_HAS_EXPIRED, 1).cause, "chain-expired");
    CHECK_STR(mg_chain_cause_of(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, 0).cause,
              "issuer-unknown");
    CHECK_STR(mg_chain_cause_of(12345, 0).cause, "chain-other");
    TEST_END();
}
