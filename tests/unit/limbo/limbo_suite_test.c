/* Reading limbo files: the handwritten testcases field by field, and malformed files refused
 * with the file and the testcase named. */
#include "limbo_suite.h"
#include "mg_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const mg_limbo_testcase *find(const mg_limbo_suite *s, const char *id)
{
    for (size_t i = 0; i < s->count; i++)
        if (strcmp(s->items[i].id, id) == 0) return &s->items[i];
    return NULL;
}

static void check_handwritten(void)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/limbo/mtlsgrid.json", getenv("MG_SOURCE_DIR"));
    mg_limbo_suite s;
    mg_result r = mg_limbo_suite_load(path, &s);
    CHECK(mg_ok(r));
    if (!mg_ok(r)) return;
    CHECK(s.count == 11);
    const mg_limbo_testcase *t = find(&s, "mtlsgrid::server::revoked");
    CHECK(t && t->kind == MG_LIMBO_SERVER && !t->expect_success);
    CHECK(t && t->crls.count == 2 && t->trusted.count == 1 && t->untrusted.count == 1);
    CHECK(t && t->peer_key && strstr(t->peer_key, "PRIVATE KEY"));
    CHECK_STR(t ? t->peer_name : NULL, "example.test");
    CHECK(t && t->max_chain_depth == -1 && t->features.count == 1);
    t = find(&s, "mtlsgrid::server::no-key");
    CHECK(t && t->peer_key == NULL && t->expect_success);
    t = find(&s, "mtlsgrid::client::chain-ok");
    CHECK(t && t->kind == MG_LIMBO_CLIENT && t->peer_name == NULL);
    CHECK_STR(t && t->peer_names.count ? t->peer_names.items[0] : NULL,
              "RFC822:user@example.test");
    CHECK_STR(t && t->extended_key_usage.count ? t->extended_key_usage.items[0] : NULL,
              "clientAuth");
    mg_limbo_suite_free(&s);
}

/* Loads `text` from a temporary file; the failure's message must hold `words`. */
static void check_refused(const char *text, const char *words)
{
    char path[] = "/tmp/limbo_suite_test_XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    CHECK(f != NULL);
    if (!f) return;
    fputs(text, f);
    fclose(f);
    mg_limbo_suite s;
    mg_result r = mg_limbo_suite_load(path, &s);
    CHECK(r.kind == MG_E_INPUT);
    if (!strstr(mg_error_message(), words) || !strstr(mg_error_message(), path)) {
        fprintf(stderr, "message \"%s\" lacks \"%s\"\n", mg_error_message(), words);
        CHECK(0);
    }
    remove(path);
}

#define FIELDS(x)                                                                                  \
    "{\"version\": 1, \"testcases\": [{\"id\": \"a::b\", \"description\": \"d\", "                 \
    "\"validation_kind\": \"SERVER\", \"trusted_certs\": [], \"untrusted_intermediates\": [], "    \
    "\"peer_certificate\": \"p\", \"signature_algorithms\": [], \"key_usage\": [], "               \
    "\"extended_key_usage\": [], \"expected_peer_names\": [], " x "}]}"

int main(void)
{
    check_handwritten();
    check_refused("[", ":1:");
    check_refused("{\"version\": 1}", "testcases");
    check_refused("{\"version\": 7, \"testcases\": []}", "version-1");
    check_refused(FIELDS("\"expected_result\": \"MAYBE\""), "expected_result");
    check_refused(FIELDS("\"expected_result\": \"SUCCESS\", \"max_chain_depth\": -1"),
                  "max_chain_depth");
    check_refused(FIELDS("\"expected_result\": \"SUCCESS\", \"validation_time\": \"soon\""),
                  "validation_time");
    check_refused(FIELDS("\"expected_result\": \"SUCCESS\", \"crls\": [1]"), "(a::b)");
    check_refused(FIELDS("\"expected_result\": \"SUCCESS\", \"expected_peer_name\": {\"k\": 1}"),
                  "expected_peer_name");
    mg_limbo_suite s;
    /* Read through the capped reader: a file that cannot be read is MG_E_IO (exit 2 alike). */
    CHECK(mg_limbo_suite_load("/nonexistent/limbo.json", &s).kind == MG_E_IO);
    CHECK(strstr(mg_error_message(), "cannot read /nonexistent/limbo.json"));
    TEST_END();
}
